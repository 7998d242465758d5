using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using CustomerService.LoadGenerator.Cli;

namespace CustomerService.LoadGenerator.Hosting;

/// <summary>
/// The host under test started as a child process on a free loopback port with its own temporary SQLite
/// file. Measures time from process start to the first 200 on <c>/readyz</c>, and exposes the pid for
/// RSS and CPU sampling. Disposing stops it (SIGTERM, then kill) and deletes the database.
/// </summary>
internal sealed partial class HostProcess : IAsyncDisposable
{
    private const int SigTerm = 15;
    private static readonly TimeSpan ReadyPollInterval = TimeSpan.FromMilliseconds(50);

    private readonly Process _process;
    private readonly DirectoryInfo _dataDirectory;
    private readonly StreamWriter _log;
    private readonly Lock _logGate = new();
    private bool _logClosed;

    private HostProcess(Process process, DirectoryInfo dataDirectory, StreamWriter log, Uri baseUrl)
    {
        _process = process;
        _dataDirectory = dataDirectory;
        _log = log;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public int ProcessId => _process.Id;

    public TimeSpan TimeToReady { get; private set; }

    /// <summary>VmRSS right after readiness, before any load, in MiB.</summary>
    public double? ReadyRssMegabytes { get; private set; }

    public static async Task<HostProcess> StartAsync(
        LoadRunSettings settings,
        string secret,
        string logPath,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var hostPath = Path.GetFullPath(settings.StartHost ?? throw new ArgumentException("No host to start.", nameof(settings)));
        if (!File.Exists(hostPath))
        {
            throw new HostStartException($"Host '{hostPath}' does not exist; build it first (dotnet build -c Release src/CustomerService.Bot).");
        }

        var port = FreeLoopbackPort();
        var baseUrl = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
        var dataDirectory = Directory.CreateTempSubdirectory("cs-load-");
        var start = new ProcessStartInfo
        {
            // A framework-dependent DLL runs under the dotnet muxer, which then is the host process itself (same pid).
            FileName = hostPath.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? "dotnet" : hostPath,
            WorkingDirectory = Path.GetFullPath(settings.HostContentRoot),
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
        };
        if (start.FileName == "dotnet")
        {
            start.ArgumentList.Add(hostPath);
        }

        start.Environment["ASPNETCORE_URLS"] = baseUrl.ToString();
        start.Environment[settings.SecretVariable] = secret;
        start.Environment["ConnectionStrings__CustomerService"] = "Data Source=" + Path.Combine(dataDirectory.FullName, "customerservice.db");

        // Console logging per request would cost the host CPU it should spend on turns; warnings still reach host.log.
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in settings.HostEnvironment)
        {
            start.Environment[key] = value;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(logPath))!);
        var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var host = new HostProcess(process, dataDirectory, log, baseUrl);
        process.OutputDataReceived += (_, e) => host.WriteLog(e.Data);
        process.ErrorDataReceived += (_, e) => host.WriteLog(e.Data);

        var startedAt = timeProvider.GetTimestamp();
        try
        {
            if (!process.Start())
            {
                throw new HostStartException($"Could not start '{hostPath}'.");
            }
        }
        catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            await host.DisposeAsync();
            throw new HostStartException($"Could not start '{hostPath}': {exception.Message}", exception);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await host.WaitUntilReadyAsync(settings.HostReadyTimeout, startedAt, timeProvider, cancellationToken);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    /// <summary>Host CPU time so far (user + system), for CPU share per step.</summary>
    public TimeSpan TotalProcessorTime()
    {
        _process.Refresh();
        return _process.HasExited ? TimeSpan.Zero : _process.TotalProcessorTime;
    }

    public bool HasExited => _process.HasExited;

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!HasExitedSafe())
            {
                // A graceful stop first, so the host flushes SQLite and logs like it would under systemd.
                _ = SendSignal(_process.Id, SigTerm);
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                try
                {
                    await _process.WaitForExitAsync(grace.Token);
                }
                catch (OperationCanceledException)
                {
                    _process.Kill(entireProcessTree: true);
                    await _process.WaitForExitAsync(CancellationToken.None);
                }
            }
        }
        finally
        {
            _process.Dispose();
            lock (_logGate)
            {
                // Output events can still arrive from the reader threads after this point.
                _logClosed = true;
                _log.Dispose();
            }

            try
            {
                _dataDirectory.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless; the OS cleans /tmp.
            }
        }
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout, long startedAt, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        using var probe = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false })
        {
            Timeout = TimeSpan.FromSeconds(2),
        };
        var readyz = new Uri(BaseUrl, "/readyz");
        while (timeProvider.GetElapsedTime(startedAt) < timeout)
        {
            if (_process.HasExited)
            {
                throw new HostStartException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"The host exited with code {_process.ExitCode} before it was ready; see the host log."));
            }

            try
            {
                using var response = await probe.GetAsync(readyz, cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    TimeToReady = timeProvider.GetElapsedTime(startedAt);
                    ReadyRssMegabytes = ProcessMemory.Read(_process.Id)?.Rss;
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // Not listening yet, or busy loading models: poll again.
            }

            await Task.Delay(ReadyPollInterval, timeProvider, cancellationToken);
        }

        throw new HostStartException(string.Create(
            CultureInfo.InvariantCulture,
            $"The host did not answer 200 on /readyz within {timeout.TotalSeconds:0} s; see the host log."));
    }

    private void WriteLog(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logGate)
        {
            if (!_logClosed)
            {
                _log.WriteLine(line);
            }
        }
    }

    private bool HasExitedSafe()
    {
        try
        {
            return _process.HasExited;
        }
        catch (InvalidOperationException)
        {
            // Never started.
            return true;
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int processId, int signal);
}
