using BenchmarkDotNet.Running;
using CustomerService.Benchmarks;

// dotnet run -c Release --project tests/CustomerService.Benchmarks -- --filter '*'   (run from the repo root)
Console.WriteLine(BenchmarkModels.Describe());
BenchmarkSwitcher.FromAssembly(typeof(BenchmarkModels).Assembly).Run(args, new BenchmarkConfig());
