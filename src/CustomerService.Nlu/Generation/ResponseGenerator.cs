using System.Runtime.CompilerServices;
using System.Threading.Channels;
using CustomerService.Core.Ports;
using CustomerService.Core.Telemetry;
using CustomerService.Nlu.Batching;
using Microsoft.Extensions.Logging;

namespace CustomerService.Nlu.Generation;

/// <summary>
/// The <see cref="IResponseGenerator"/> port: builds and fits the prompt, resolves the decoding
/// settings, and streams the sequence's text from the continuous-batching scheduler.
/// </summary>
internal sealed class ResponseGenerator(
    GenerationScheduler scheduler, GeneratorOptions options, TimeProvider time, ILogger<ResponseGenerator> logger, CustomerServiceMetrics? metrics = null)
    : IResponseGenerator
{
    public async IAsyncEnumerable<string> GenerateAsync(GenerationRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var model = scheduler.Model;
        var overrides = request.Settings;
        var (promptIds, maxNewTokens) = PromptWindow.Fit(model.Tokenizer, request, overrides?.MaxNewTokens ?? options.MaxNewTokens, model.MaxPositions, model.Name);
        Log.PromptFitted(logger, promptIds.Length, maxNewTokens);
        var settings = new SequenceSettings(
            maxNewTokens,
            new SamplingSettings(
                overrides?.Temperature ?? options.Temperature,
                overrides?.TopK ?? options.TopK,
                overrides?.TopP ?? options.TopP,
                options.RepetitionPenalty,
                options.NoRepeatNgramSize),
            options.EffectiveStopStrings,
            overrides?.Timeout ?? options.Timeout,
            overrides?.Seed ?? Random.Shared.Next());

        // The sequence stops when the caller cancels or stops reading (the finally below).
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var output = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var sequence = new ActiveSequence(model, promptIds, settings, output.Writer, time, abandon.Token);
        var started = time.GetTimestamp();
        try
        {
            await scheduler.SubmitAsync(sequence, cancellationToken);
            await foreach (var piece in output.Reader.ReadAllAsync(cancellationToken))
            {
                yield return piece;
            }

            var elapsedMs = time.GetElapsedTime(started).TotalMilliseconds;
            Log.GenerationFinished(logger, sequence.GeneratedTokens.Count, elapsedMs, sequence.FinishReason);
            metrics?.RecordGeneration(sequence.GeneratedTokens.Count, TimeSpan.FromMilliseconds(elapsedMs), sequence.FinishReason?.ToString() ?? "Unknown");
        }
        finally
        {
            await abandon.CancelAsync();
        }
    }
}
