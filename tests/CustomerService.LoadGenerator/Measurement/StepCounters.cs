using System.Collections.Concurrent;
using System.Net.WebSockets;
using CustomerService.LoadGenerator.DirectLine;

namespace CustomerService.LoadGenerator.Measurement;

/// <summary>Counters of one load step, updated by every simulated customer at once.</summary>
internal sealed class StepCounters
{
    private readonly Lock _latencyGate = new();
    private readonly List<double> _latencies = [];
    private readonly ConcurrentDictionary<(DirectLineOperation Operation, ErrorClass Class), long> _errors = new();
    private readonly ConcurrentDictionary<int, long> _statusCodes = new();

    private long _conversationsStarted;
    private long _turnsPosted;
    private long _turnsReplied;
    private long _turnsLost;
    private long _turnsFailed;
    private long _escalations;
    private long _duplicateActivities;
    private long _extraReplies;
    private long _lateReplies;
    private long _misrouted;
    private long _orphanReplies;
    private long _echoProblems;
    private long _replies;

    public long TurnsPosted => Interlocked.Read(ref _turnsPosted);

    public long TurnsReplied => Interlocked.Read(ref _turnsReplied);

    public long TurnsLost => Interlocked.Read(ref _turnsLost);

    public long ErrorCount => _errors.Values.Sum();

    public void ConversationStarted() => Interlocked.Increment(ref _conversationsStarted);

    public void TurnPosted() => Interlocked.Increment(ref _turnsPosted);

    public void TurnFailed() => Interlocked.Increment(ref _turnsFailed);

    public void TurnLost() => Interlocked.Increment(ref _turnsLost);

    public void Escalated() => Interlocked.Increment(ref _escalations);

    public void TurnReplied(TimeSpan latency)
    {
        Interlocked.Increment(ref _turnsReplied);
        lock (_latencyGate)
        {
            _latencies.Add(latency.TotalMilliseconds);
        }
    }

    public void Add(ConversationTally tally)
    {
        ArgumentNullException.ThrowIfNull(tally);
        Interlocked.Add(ref _duplicateActivities, tally.DuplicateActivities);
        Interlocked.Add(ref _extraReplies, tally.ExtraReplies);
        Interlocked.Add(ref _lateReplies, tally.LateReplies);
        Interlocked.Add(ref _misrouted, tally.Misrouted);
        Interlocked.Add(ref _orphanReplies, tally.OrphanReplies);
        Interlocked.Add(ref _echoProblems, tally.EchoProblems);
        Interlocked.Add(ref _replies, tally.Replies);
    }

    public void Error(DirectLineOperation operation, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var errorClass = Classify(exception);
        _errors.AddOrUpdate((operation, errorClass), 1, static (_, count) => count + 1);
        if (exception is DirectLineHttpException http)
        {
            _statusCodes.AddOrUpdate((int)http.StatusCode, 1, static (_, count) => count + 1);
        }
    }

    public StepResult Snapshot(int concurrency, TimeSpan elapsed, HostSample? host)
    {
        double[] latencies;
        lock (_latencyGate)
        {
            latencies = [.. _latencies];
        }

        var replied = Interlocked.Read(ref _turnsReplied);
        return new StepResult
        {
            Concurrency = concurrency,
            ElapsedSeconds = elapsed.TotalSeconds,
            Latency = LatencySummary.From(latencies),
            ThroughputTurnsPerSecond = elapsed > TimeSpan.Zero ? replied / elapsed.TotalSeconds : 0,
            ConversationsStarted = Interlocked.Read(ref _conversationsStarted),
            TurnsPosted = Interlocked.Read(ref _turnsPosted),
            TurnsReplied = replied,
            TurnsLost = Interlocked.Read(ref _turnsLost),
            TurnsFailed = Interlocked.Read(ref _turnsFailed),
            Escalations = Interlocked.Read(ref _escalations),
            DuplicateActivities = Interlocked.Read(ref _duplicateActivities),
            ExtraReplies = Interlocked.Read(ref _extraReplies),
            LateReplies = Interlocked.Read(ref _lateReplies),
            Misrouted = Interlocked.Read(ref _misrouted),
            OrphanReplies = Interlocked.Read(ref _orphanReplies),
            EchoProblems = Interlocked.Read(ref _echoProblems),
            RepliesPerTurn = replied > 0 ? Interlocked.Read(ref _replies) / (double)replied : 0,
            ErrorsByClass = _errors
                .GroupBy(pair => pair.Key.Class)
                .ToDictionary(group => group.Key.ToString(), group => group.Sum(pair => pair.Value)),
            ErrorsByOperation = _errors
                .ToDictionary(pair => $"{pair.Key.Operation}:{pair.Key.Class}", pair => pair.Value),
            StatusCodes = _statusCodes.ToDictionary(pair => pair.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), pair => pair.Value),
            Host = host,
        };
    }

    private static ErrorClass Classify(Exception exception) => exception switch
    {
        DirectLineHttpException { StatusCode: >= (System.Net.HttpStatusCode)500 } => ErrorClass.Http5xx,
        DirectLineHttpException => ErrorClass.Http4xx,
        DirectLineProtocolException => ErrorClass.Protocol,

        // HttpClient reports its own time limit as a cancellation (inner TimeoutException); the WebSocket connect
        // limit is ours. Cancellations that reach here are never the run's own stop, so both are time-outs.
        OperationCanceledException or TimeoutException => ErrorClass.Timeout,
        HttpRequestException or WebSocketException or IOException => ErrorClass.Network,
        _ => ErrorClass.Protocol,
    };
}
