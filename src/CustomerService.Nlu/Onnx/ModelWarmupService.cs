using CustomerService.Core.Ports;
using CustomerService.Nlu.Batching;
using CustomerService.Nlu.Generation;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CustomerService.Nlu.Onnx;

/// <summary>
/// Loads both models at start and runs one dummy request through each public path (classifier
/// batcher, generation scheduler), so the first customer does not pay for loading. Runs in the
/// background: the host starts at once and <see cref="NluReadiness"/> turns true when this succeeds.
/// </summary>
internal sealed class ModelWarmupService(
    OnnxModelHost host,
    ClassificationBatcher classifier,
    GenerationScheduler generator,
    NluReadiness readiness,
    TimeProvider time,
    ILogger<ModelWarmupService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Loading is synchronous native work; keep it off the host's start-up path.
        await Task.Yield();
        var started = time.GetTimestamp();
        try
        {
            await classifier.ClassifyAsync(["hello"], stoppingToken);
            var output = System.Threading.Channels.Channel.CreateUnbounded<string>();
            var sequence = new ActiveSequence(
                generator.Model,
                PromptWindow.Encode(generator.Model.Tokenizer, "hello", "greeting", CustomerContext.Anonymous),
                new SequenceSettings(1, SamplingSettings.Greedy, GeneratorOptions.DefaultStopStrings, TimeSpan.FromMinutes(1), 0),
                output.Writer,
                time,
                stoppingToken);
            await generator.SubmitAsync(sequence, stoppingToken);

            // Reading to the end rethrows the sequence's NluException if the dummy generation failed.
            await foreach (var piece in output.Reader.ReadAllAsync(stoppingToken))
            {
                _ = piece;
            }

            // Loading left large freed buffers in the C heap; give them back before the host reports ready.
            NativeHeap.Trim();
            readiness.MarkReady(host.Device);
            var elapsedMs = time.GetElapsedTime(started).TotalMilliseconds;
            Log.WarmupSucceeded(logger, host.Device, elapsedMs);
        }
        catch (NluException ex)
        {
            readiness.MarkFailed(host.Device, ex.Message);
            Log.WarmupFailed(logger, ex);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host stopped during warm-up.
        }
    }
}
