using System.Diagnostics;
using System.Diagnostics.Metrics;
using CustomerService.Core.Escalation;

namespace CustomerService.Core.Telemetry;

/// <summary>
/// The <c>CustomerService</c> meter: what the bot did (turns, intents, confidence, escalations), how fast the
/// generator was, and what went wrong on the channels. Tags are low-cardinality ids only, never customer text.
/// The host exports it on <c>/metrics</c>; tests read it with a <c>MeterListener</c>.
/// </summary>
public sealed class CustomerServiceMetrics
{
    public const string MeterName = "CustomerService";

    private static readonly double[] ConfidenceBuckets = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 1.0];
    private static readonly double[] SecondsBuckets = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
    private static readonly double[] TokensPerSecondBuckets = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];

    private readonly Counter<long> _turns;
    private readonly Histogram<double> _turnDuration;
    private readonly Counter<long> _intents;
    private readonly Histogram<double> _confidence;
    private readonly Counter<long> _escalations;
    private readonly Counter<long> _generatedTokens;
    private readonly Histogram<double> _generationDuration;
    private readonly Histogram<double> _tokensPerSecond;
    private readonly Counter<long> _channelErrors;

    /// <param name="meterFactory">The host's meter factory; null (a bare service collection) makes a process-wide meter.</param>
    public CustomerServiceMetrics(IMeterFactory? meterFactory)
    {
        var meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _turns = meter.CreateCounter<long>("customerservice.turns", "{turn}", "Turns the bot ran, by channel and outcome (ok, error).");
        _turnDuration = meter.CreateHistogram("customerservice.turn.duration", "s", "Time from the turn's start to its commit.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
        _intents = meter.CreateCounter<long>("customerservice.intents", "{message}", "Customer messages by the intent they were routed to.");
        _confidence = meter.CreateHistogram("customerservice.intent.confidence", "1", "Classifier confidence (0-1) of the routed intent.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = ConfidenceBuckets });
        _escalations = meter.CreateCounter<long>("customerservice.escalations", "{escalation}", "Hand-offs to a human, by reason.");
        _generatedTokens = meter.CreateCounter<long>("customerservice.generation.tokens", "{token}", "Tokens the responder generated.");
        _generationDuration = meter.CreateHistogram("customerservice.generation.duration", "s", "Time to generate one answer, queueing included.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
        _tokensPerSecond = meter.CreateHistogram("customerservice.generation.tokens_per_second", "{token}/s", "Generation speed of one answer.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = TokensPerSecondBuckets });
        _channelErrors = meter.CreateCounter<long>("customerservice.channel.errors", "{error}",
            "Failed channel requests, by channel (directline, slack), direction (inbound, outbound) and code.");
    }

    /// <summary>One finished turn; <paramref name="failed"/> when the error boundary had to apologise.</summary>
    public void RecordTurn(string channelId, TimeSpan duration, bool failed)
    {
        var tags = new TagList { { "channel", channelId }, { "outcome", failed ? "error" : "ok" } };
        _turns.Add(1, tags);
        _turnDuration.Record(duration.TotalSeconds, tags);
    }

    /// <summary>The intent a customer message was routed to, with its confidence (0–1; rules count as 1).</summary>
    public void RecordIntent(string intent, float confidence)
    {
        var tag = new KeyValuePair<string, object?>("intent", intent);
        _intents.Add(1, tag);
        _confidence.Record(Math.Clamp(confidence, 0f, 1f), tag);
    }

    public void RecordEscalation(EscalationReason reason) =>
        _escalations.Add(1, new KeyValuePair<string, object?>("reason", ReasonTag(reason)));

    /// <summary>One generated answer: its token count and wall time (queueing included).</summary>
    public void RecordGeneration(int tokens, TimeSpan duration, string finishReason)
    {
        var tag = new KeyValuePair<string, object?>("finish_reason", finishReason);
        _generatedTokens.Add(tokens, tag);
        _generationDuration.Record(duration.TotalSeconds, tag);
        if (tokens > 0 && duration > TimeSpan.Zero)
        {
            _tokensPerSecond.Record(tokens / duration.TotalSeconds, tag);
        }
    }

    /// <summary>A failed request on a channel: <paramref name="code"/> is an HTTP status or an API error code, never text.</summary>
    public void RecordChannelError(string channel, string direction, string code) =>
        _channelErrors.Add(1, new TagList { { "channel", channel }, { "direction", direction }, { "code", code } });

    private static string ReasonTag(EscalationReason reason) => reason switch
    {
        EscalationReason.ExplicitRequest => "explicit_request",
        EscalationReason.LowConfidence => "low_confidence",
        EscalationReason.OutOfScope => "out_of_scope",
        EscalationReason.EscalateAlwaysIntent => "escalate_always_intent",
        EscalationReason.GeneratorFailure => "generator_failure",
        EscalationReason.TurnError => "turn_error",
        _ => "other",
    };
}
