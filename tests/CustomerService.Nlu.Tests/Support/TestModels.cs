using CustomerService.Nlu.Classification;
using CustomerService.Nlu.Generation;
using CustomerService.Nlu.Onnx;
using Microsoft.Extensions.Logging.Abstractions;

namespace CustomerService.Nlu.Tests.Support;

/// <summary>
/// Model folders copied next to the test assembly, and one shared CPU host per model pair
/// (sessions are thread-safe and loading them per test would dominate the run time).
/// </summary>
internal static class TestModels
{
    private static readonly Lazy<OnnxModelHost> TinyHost = new(() => CreateHost(TinyIntentPath, TinyResponderPath));
    private static readonly Lazy<OnnxModelHost> ShippedHost = new(() =>
    {
        RequireShipped();
        return CreateHost(ShippedIntentPath, ShippedResponderPath);
    });

    public static string Root => AppContext.BaseDirectory;

    public static string TinyIntentPath => Path.Combine(Root, "Fixtures", "tiny-intent");

    public static string TinyResponderPath => Path.Combine(Root, "Fixtures", "tiny-responder");

    public static string ShippedIntentPath => Path.Combine(Root, "models", "intent");

    public static string ShippedResponderPath => Path.Combine(Root, "models", "responder");

    public static string ParityPath(string name) => Path.Combine(Root, "Fixtures", "parity", name + ".json");

    public static OnnxModelHost Tiny => TinyHost.Value;

    public static OnnxModelHost Shipped => ShippedHost.Value;

    public static OnnxModelHost HostFor(string set) => set == "tiny" ? Tiny : Shipped;

    public static string ParityNameFor(string set, string kind) => set == "tiny" ? "tiny-" + kind : kind;

    public static IntentModel IntentFor(string set, int maxTokens = 128)
    {
        var host = HostFor(set);
        return new IntentModel(host.Classifier, host.Tokenizer, maxTokens);
    }

    public static ResponderModel ResponderFor(string set)
    {
        var host = HostFor(set);
        return new ResponderModel(host.Responder, host.Tokenizer);
    }

    public static OnnxModelHost CreateHost(string intentPath, string responderPath, NluDevice device = NluDevice.Cpu) =>
        new(new NluOptions { Device = device, IntraOpThreads = 1, InterOpThreads = 1 }, intentPath, responderPath, NullLogger<OnnxModelHost>.Instance);

    // The shipped models are committed with the code; their absence is a failure, never a skip.
    private static void RequireShipped()
    {
        foreach (var path in new[] { ShippedIntentPath, ShippedResponderPath, ParityPath("intent"), ParityPath("responder") })
        {
            if (!Path.Exists(path))
            {
                throw new InvalidOperationException($"{path} is missing: the shipped models and their parity files (models/intent, models/responder, Fixtures/parity/intent.json, responder.json) must be committed.");
            }
        }
    }
}
