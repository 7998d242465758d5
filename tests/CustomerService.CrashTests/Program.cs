using CustomerService.CrashTests;

// The reliability check of issue 6, run by .ci/crash-test: prints the measured figures, exits 1 when a promise broke.
var settings = CrashTestSettings.Parse(args);
if (settings is null)
{
    Console.Error.WriteLine(CrashTestSettings.Usage);
    return 2;
}

if (!File.Exists(settings.HostDll))
{
    Console.Error.WriteLine($"Host '{settings.HostDll}' not found; build it first (dotnet build -c Release src/CustomerService.Bot).");
    return 2;
}

using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(8));
var report = await new CrashTestRun(settings, Console.Out).RunAsync(cancel.Token);
report.Print(Console.Out);
if (report.Passed && report.WorkFolder is { } folder)
{
    Directory.Delete(folder, recursive: true);
}
else
{
    Console.WriteLine($"kept {report.WorkFolder} (database and host.log) for inspection");
}

return report.Passed ? 0 : 1;
