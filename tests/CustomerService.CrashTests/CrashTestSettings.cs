using System.Globalization;

namespace CustomerService.CrashTests;

/// <summary>What to run: the built host, the folder it runs in (the repo root), and the shape of the load and the outage.</summary>
internal sealed record CrashTestSettings(
    string HostDll,
    string ContentRoot,
    int Conversations,
    int EscalatingEvery,
    TimeSpan LoadBeforeKill,
    int KillAfterAcknowledged,
    TimeSpan SlackOutageAfterRestart,
    TimeSpan DeliveryTimeout,
    TimeSpan StartTimeout,
    TimeSpan ResumeTimeout)
{
    public const string Usage =
        "usage: CustomerService.CrashTests --host <path to CustomerService.Bot.dll> [--content-root <repo root>] " +
        "[--conversations 50] [--escalating-every 4] [--load-seconds 15] [--kill-after 600] [--outage-seconds 90] [--resume-seconds 120]";

    public static CrashTestSettings? Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                return null;
            }

            values[args[i][2..]] = args[i + 1];
        }

        if (args.Length % 2 != 0 || !values.TryGetValue("host", out var host))
        {
            return null;
        }

        int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new CrashTestSettings(
            Path.GetFullPath(host),
            Path.GetFullPath(values.GetValueOrDefault("content-root", Directory.GetCurrentDirectory())),
            Int("conversations", 50),
            Int("escalating-every", 4),
            TimeSpan.FromSeconds(Int("load-seconds", 15)),
            Int("kill-after", 600),
            TimeSpan.FromSeconds(Int("outage-seconds", 90)),
            TimeSpan.FromSeconds(Int("delivery-seconds", 90)),
            TimeSpan.FromSeconds(Int("start-seconds", 150)),
            TimeSpan.FromSeconds(Int("resume-seconds", 120)));
    }
}
