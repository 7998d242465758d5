using Xunit.Abstractions;

namespace CustomerService.EndToEnd.Tests;

/// <summary>
/// End-to-end reply latency as a customer feels it: from pressing Enter in Web Chat to the reply's arrival in
/// the browser, over 100 test-split utterances. Slow by design, so it runs only when asked for:
/// <c>dotnet test tests/CustomerService.EndToEnd.Tests --filter Category=Latency --logger "console;verbosity=detailed"</c>.
/// </summary>
[Collection(EndToEndTestGroup.Name)]
[Trait("Category", "Latency")]
public sealed class ReplyLatencyTests(EndToEndFixture fixture, ITestOutputHelper output)
{
    private const int Utterances = 100;

    [Fact]
    public async Task ReplyLatency_100TestSplitUtterances_PrintsMedianAndP95()
    {
        var sample = BitextTestSplit.Sample(Utterances);

        // Each utterance is a new visitor's first question, so dialog state or an escalation never skews a turn;
        // the page load is not timed, only Enter to reply.
        var latencies = new List<TimeSpan>();
        foreach (var utterance in sample)
        {
            await using var context = await fixture.Browser.NewContextAsync();
            var chat = await ChatPage.OpenAsync(context, fixture.Server.BaseAddress);
            await chat.WaitForCountAsync(ChatPage.BotBubbles, 1);
            latencies.Add((await chat.AskAsync(utterance.Text)).Latency);
        }

        latencies.Sort();
        var median = Percentile(latencies, 0.50);
        var p95 = Percentile(latencies, 0.95);
        output.WriteLine($"End-to-end reply latency over {latencies.Count} Bitext test-split utterances: median {median.TotalMilliseconds:F0} ms, p95 {p95.TotalMilliseconds:F0} ms, max {latencies[^1].TotalMilliseconds:F0} ms.");
        Assert.Equal(Utterances, latencies.Count);
        Assert.True(p95 >= median);
    }

    private static TimeSpan Percentile(List<TimeSpan> sorted, double percentile)
    {
        // Nearest-rank percentile.
        var rank = (int)Math.Ceiling(percentile * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
