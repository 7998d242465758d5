using System.Globalization;
using System.Runtime.InteropServices;

namespace CustomerService.LoadGenerator.Reporting;

/// <summary>The machine a run was measured on, so numbers are never quoted without it.</summary>
internal sealed record MachineInfo(
    int ProcessorCount,
    string CpuModel,
    double MemoryGigabytes,
    string OperatingSystem,
    string Runtime,
    string LoadAverageAtStart)
{
    public static MachineInfo Capture() => new(
        Environment.ProcessorCount,
        ProcField("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
        MemTotalGigabytes(),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        LoadAverage());

    private static string? ProcField(string path, string name)
    {
        var lines = ReadLines(path);
        var line = lines.FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal));
        var colon = line?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        return colon >= 0 ? line![(colon + 1)..].Trim() : null;
    }

    /// <summary>The 1-minute load average now, or null where /proc/loadavg is missing.</summary>
    public static double? CurrentLoadAverage()
    {
        var first = ReadLines("/proc/loadavg").FirstOrDefault()?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return double.TryParse(first, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    private static double MemTotalGigabytes()
    {
        var value = ProcField("/proc/meminfo", "MemTotal")?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return double.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var kb) ? Math.Round(kb / 1024 / 1024, 1) : 0;
    }

    // The first three fields of /proc/loadavg: runnable tasks averaged over 1, 5 and 15 minutes.
    private static string LoadAverage()
    {
        var fields = ReadLines("/proc/loadavg").FirstOrDefault()?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        return fields.Length >= 3 ? string.Join(' ', fields.Take(3)) : "n/a";
    }

    private static string[] ReadLines(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllLines(path) : [];
        }
        catch (IOException)
        {
            return [];
        }
    }
}
