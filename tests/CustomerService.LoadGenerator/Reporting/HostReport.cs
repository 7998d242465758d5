namespace CustomerService.LoadGenerator.Reporting;

/// <summary>Facts about a host the load generator started itself (all null for a host given by --url).</summary>
/// <param name="TimeToReadySeconds">Process start → first 200 on /readyz.</param>
/// <param name="ReadyRssMegabytes">VmRSS right after readiness, in MiB.</param>
/// <param name="PeakRssMegabytes">VmHWM (peak resident set) at the end of the run, in MiB.</param>
internal sealed record HostReport(double? TimeToReadySeconds, double? ReadyRssMegabytes, double? PeakRssMegabytes);
