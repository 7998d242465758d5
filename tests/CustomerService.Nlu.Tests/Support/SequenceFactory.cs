using System.Threading.Channels;
using CustomerService.Nlu.Generation;

namespace CustomerService.Nlu.Tests.Support;

/// <summary>Builds sequences with an output channel, for driving the scheduler directly.</summary>
internal static class SequenceFactory
{
    public static (ActiveSequence Sequence, ChannelReader<string> Output) Greedy(
        ResponderModel model,
        IReadOnlyList<int> prompt,
        int maxNewTokens,
        TimeProvider? time = null,
        TimeSpan? timeout = null,
        Action<float[]>? observer = null,
        CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateUnbounded<string>();
        var settings = new SequenceSettings(maxNewTokens, SamplingSettings.Greedy, [], timeout ?? TimeSpan.FromMinutes(1), 1);
        var sequence = new ActiveSequence(model, prompt, settings, channel.Writer, time ?? TimeProvider.System, cancellationToken)
        {
            LogitsObserver = observer,
        };
        return (sequence, channel.Reader);
    }

    public static async Task<string> ReadAllAsync(ChannelReader<string> output)
    {
        var pieces = new List<string>();
        await foreach (var piece in output.ReadAllAsync())
        {
            pieces.Add(piece);
        }

        return string.Concat(pieces);
    }
}
