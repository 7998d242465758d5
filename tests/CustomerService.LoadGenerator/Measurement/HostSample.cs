namespace CustomerService.LoadGenerator.Measurement;

/// <summary>Resources during one step; host fields are null when the host was not started by the load generator.</summary>
/// <param name="PeakRssMegabytes">Highest host VmRSS seen while the step ran, in MiB.</param>
/// <param name="EndRssMegabytes">Host VmRSS when the step ended, in MiB.</param>
/// <param name="CpuPercent">Host CPU time over wall time during the step; 100 = one core busy.</param>
/// <param name="CpuMillisecondsPerTurn">Host CPU time per answered turn (conversation starts included in the cost):
/// unlike latency, it hardly depends on what else the machine runs.</param>
/// <param name="GeneratorCpuPercent">The load generator's own CPU time over wall time: it competes with the host for the same cores.</param>
/// <param name="LoadAverage">The machine's 1-minute load average when the step ended (runnable threads; 2 cores = 2.0 busy).</param>
internal sealed record HostSample(
    double? PeakRssMegabytes,
    double? EndRssMegabytes,
    double? CpuPercent,
    double? CpuMillisecondsPerTurn,
    double GeneratorCpuPercent,
    double? LoadAverage);
