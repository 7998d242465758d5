using System.Threading.Channels;
using CustomerService.Nlu.Batching;
using CustomerService.Nlu.Generation;

namespace CustomerService.Benchmarks;

/// <summary>One benchmark stream: greedy, exactly <see cref="GeneratorBenchmarks.TokensPerStream"/> tokens (end-of-text not honoured).</summary>
internal static class GreedyStream
{
    /// <summary>Submits the stream; the returned task reads its text as a host would and yields its token count.</summary>
    public static async Task<Task<int>> StartAsync(GenerationScheduler scheduler, ResponderModel model, int[] prompt, int seed)
    {
        var channel = Channel.CreateUnbounded<string>();
        var settings = new SequenceSettings(GeneratorBenchmarks.TokensPerStream, SamplingSettings.Greedy, [], TimeSpan.FromMinutes(5), seed) { StopAtEndOfText = false };
        var sequence = new ActiveSequence(model, prompt, settings, channel.Writer, TimeProvider.System, CancellationToken.None);
        await scheduler.SubmitAsync(sequence, CancellationToken.None);
        return DrainAsync(channel.Reader, sequence);
    }

    private static async Task<int> DrainAsync(ChannelReader<string> reader, ActiveSequence sequence)
    {
        await foreach (var piece in reader.ReadAllAsync())
        {
            _ = piece;
        }

        return sequence.GeneratedTokens.Count;
    }
}
