using System.Globalization;

namespace CustomerService.LoadGenerator.Hosting;

/// <summary>Resident memory of a process from <c>/proc/&lt;pid&gt;/status</c> (Linux): VmRSS now and VmHWM, its peak.</summary>
internal static class ProcessMemory
{
    /// <summary>Returns (VmRSS, VmHWM) in MiB, or null when the process is gone or /proc is not there.</summary>
    public static (double Rss, double Peak)? Read(int processId)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(string.Create(CultureInfo.InvariantCulture, $"/proc/{processId}/status"));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        double? rss = null, peak = null;
        foreach (var line in lines)
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kilobytes(line);
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kilobytes(line);
            }
        }

        return rss is { } r && peak is { } p ? (r / 1024, p / 1024) : null;
    }

    // "VmRSS:\t  123456 kB": the kernel always reports these in kB.
    private static double? Kilobytes(string line)
    {
        var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 2 && double.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
