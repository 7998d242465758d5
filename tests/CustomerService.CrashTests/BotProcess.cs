using System.Diagnostics;
using System.Net;

namespace CustomerService.CrashTests;

/// <summary>
/// The real host as a child process (<c>dotnet CustomerService.Bot.dll</c>) in the repo root, on a given loopback URL
/// and environment. <see cref="KillAsync"/> is SIGKILL: no shutdown hooks, no flush, like a power cut for the process.
/// </summary>
internal sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _gate = new();
    private bool _closed;

    private BotProcess(Process process, StreamWriter log, Uri baseUrl)
    {
        _process = process;
        _log = log;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the host and waits for <paramref name="probePath"/> (<c>/readyz</c>: models warm; <c>/healthz</c>: listening).</summary>
    public static async Task<BotProcess> StartAsync(
        CrashTestSettings settings, Uri baseUrl, IReadOnlyDictionary<string, string> environment, string logPath, string probePath, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = settings.ContentRoot,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(settings.HostDll);
        start.Environment["ASPNETCORE_URLS"] = baseUrl.ToString();
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        var process = new Process { StartInfo = start };
        var host = new BotProcess(process, log, baseUrl);
        process.OutputDataReceived += (_, e) => host.Write(e.Data);
        process.ErrorDataReceived += (_, e) => host.Write(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start {settings.HostDll}.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await host.WaitForAsync(probePath, settings.StartTimeout, cancellationToken);
        return host;
    }

    /// <summary>SIGKILL the host (and anything it started) and wait until it is gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        lock (_gate)
        {
            _closed = true;
            _log.Dispose();
        }

        _process.Dispose();
    }

    private async Task WaitForAsync(string probePath, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with code {_process.ExitCode} during start; see its log.");
            }

            try
            {
                using var response = await probe.GetAsync(new Uri(BaseUrl, probePath), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // Not listening yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }

        throw new TimeoutException($"The host did not answer {probePath} with 200 within {timeout.TotalSeconds:F0} s.");
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            if (!_closed)
            {
                _log.WriteLine(line);
            }
        }
    }
}
