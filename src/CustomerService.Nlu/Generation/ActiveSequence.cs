using System.Threading.Channels;
using CustomerService.Nlu.Onnx;
using CustomerService.Nlu.Tokenization;

namespace CustomerService.Nlu.Generation;

/// <summary>
/// One generation in flight: its prompt and output tokens, its own sampling settings and random
/// generator, stop detection and the channel its text pieces stream into. Advanced by whoever owns
/// the decode batch (one thread); the reader sees pieces and completion through the channel.
/// </summary>
internal sealed class ActiveSequence
{
    private readonly string _modelName;
    private readonly List<int> _tokens;
    private readonly Random _random;
    private readonly Utf8StreamDecoder _decoder;
    private readonly StopStringMatcher _stopMatcher;
    private readonly ChannelWriter<string> _output;
    private readonly TimeProvider _time;
    private readonly long _startedAt;
    private readonly CancellationToken _cancellationToken;
    private bool _emittedText;

    public ActiveSequence(
        ResponderModel model,
        IReadOnlyList<int> promptIds,
        SequenceSettings settings,
        ChannelWriter<string> output,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        _modelName = model.Name;
        Settings = settings;
        _tokens = [.. promptIds];
        PromptLength = promptIds.Count;
        CachedLength = promptIds.Count;
        _random = new Random(settings.Seed);
        _decoder = new Utf8StreamDecoder(model.Tokenizer);
        _stopMatcher = new StopStringMatcher(settings.StopStrings);
        _output = output;
        _time = time;
        _startedAt = time.GetTimestamp();
        _cancellationToken = cancellationToken;
    }

    public SequenceSettings Settings { get; }

    public IReadOnlyList<int> PromptIds => _tokens.GetRange(0, PromptLength);

    public int PromptLength { get; }

    /// <summary>Tokens whose keys and values are in the cache (prompt plus fed output tokens).</summary>
    public int CachedLength { get; private set; }

    /// <summary>The last sampled token, not yet fed to the model.</summary>
    public int PendingToken { get; private set; }

    public List<int> GeneratedTokens { get; } = [];

    public FinishReason? FinishReason { get; private set; }

    public bool IsFinished => FinishReason is not null;

    /// <summary>Test hook: sees a copy of every logits row before it is processed.</summary>
    public Action<float[]>? LogitsObserver { get; init; }

    /// <summary>Takes the prompt's last logits from the prefill.</summary>
    public void AcceptPrefill(Span<float> logits)
    {
        CheckLimits();
        if (!IsFinished)
        {
            Process(logits);
        }
    }

    /// <summary>Takes the logits of a decode step that fed <see cref="PendingToken"/>.</summary>
    public void Advance(Span<float> logits)
    {
        if (IsFinished)
        {
            return;
        }

        CachedLength++;
        Process(logits);
    }

    /// <summary>Stops the sequence when the caller cancelled or its time budget is spent.</summary>
    public void CheckLimits()
    {
        if (IsFinished)
        {
            return;
        }

        if (_cancellationToken.IsCancellationRequested)
        {
            Finish(Generation.FinishReason.Cancelled, new OperationCanceledException(_cancellationToken));
        }
        else if (_time.GetElapsedTime(_startedAt) >= Settings.Timeout)
        {
            if (_emittedText)
            {
                Finish(Generation.FinishReason.TimeBudget, null);
            }
            else
            {
                Finish(Generation.FinishReason.TimeBudget, new NluException(_modelName, NluStage.Decode, $"time budget of {Settings.Timeout} spent before any text was generated"));
            }
        }
    }

    public void Fail(Exception error) => Finish(Generation.FinishReason.Failed, error);

    private void Process(Span<float> logits)
    {
        LogitsObserver?.Invoke(logits.ToArray());
        int token;
        try
        {
            token = LogitsProcessor.NextToken(_modelName, logits, _tokens, Settings.Sampling, _random);
        }
        catch (NluException ex)
        {
            Fail(ex);
            return;
        }

        GeneratedTokens.Add(token);
        _tokens.Add(token);
        PendingToken = token;
        if (token == Gpt2Tokenizer.EndOfTextId && Settings.StopAtEndOfText)
        {
            Finish(Generation.FinishReason.EndOfText, null);
            return;
        }

        Emit(_stopMatcher.Append(_decoder.Push(token)));
        if (_stopMatcher.Stopped)
        {
            Finish(Generation.FinishReason.StopString, null);
        }
        else if (GeneratedTokens.Count >= Settings.MaxNewTokens)
        {
            Finish(Generation.FinishReason.MaxTokens, null);
        }
    }

    private void Finish(FinishReason reason, Exception? error)
    {
        FinishReason = reason;
        if (error is null)
        {
            Emit(_stopMatcher.Append(_decoder.Flush()));
            Emit(_stopMatcher.Flush());
        }

        _output.TryComplete(error);
    }

    private void Emit(string piece)
    {
        if (piece.Length > 0)
        {
            _emittedText = true;
            _output.TryWrite(piece);
        }
    }
}
