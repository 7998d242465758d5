using CustomerService.Nlu.Onnx;
using Microsoft.Extensions.Logging.Abstractions;

namespace CustomerService.Benchmarks;

/// <summary>
/// The models benchmarked: the shipped ones in models/ (run from the repo root), or the tiny test
/// fixtures when models/ has none yet, which the output says.
/// </summary>
internal static class BenchmarkModels
{
    private static readonly string Root = Environment.CurrentDirectory;
    private static readonly string ShippedIntent = Path.Combine(Root, "models", "intent");
    private static readonly string ShippedResponder = Path.Combine(Root, "models", "responder");
    private static readonly string TinyIntent = Path.Combine(Root, "tests", "CustomerService.Nlu.Tests", "Fixtures", "tiny-intent");
    private static readonly string TinyResponder = Path.Combine(Root, "tests", "CustomerService.Nlu.Tests", "Fixtures", "tiny-responder");

    public static bool UsingShipped => Directory.Exists(ShippedIntent) && Directory.Exists(ShippedResponder);

    public static string IntentPath => UsingShipped ? ShippedIntent : TinyIntent;

    public static string ResponderPath => UsingShipped ? ShippedResponder : TinyResponder;

    public static string Describe() => UsingShipped
        ? $"Benchmarking the shipped models: {ShippedIntent}, {ShippedResponder}"
        : $"models/intent or models/responder not found under {Root}: benchmarking the TINY TEST FIXTURES instead ({TinyIntent}, {TinyResponder})";

    /// <summary>Threads per ORT run; the default matches the 2-core machines (Nlu:IntraOpThreads).</summary>
    public static OnnxModelHost CreateHost()
    {
        var threads = int.TryParse(Environment.GetEnvironmentVariable("NLU_BENCH_THREADS"), out var t) ? t : 2;
        var device = Enum.TryParse<NluDevice>(Environment.GetEnvironmentVariable("NLU_BENCH_DEVICE"), out var d) ? d : NluDevice.Cpu;
        return new OnnxModelHost(new NluOptions { Device = device, IntraOpThreads = threads, InterOpThreads = 1 }, IntentPath, ResponderPath, NullLogger<OnnxModelHost>.Instance);
    }
}
