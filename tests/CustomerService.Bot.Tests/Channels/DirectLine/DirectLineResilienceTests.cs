using System.Net;
using CustomerService.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Bot.Tests.Channels.DirectLine;

public sealed class DirectLineResilienceTests
{
    [Fact]
    public async Task Poll_StoreFails_Returns200EmptySetWithSameWatermark()
    {
        var faults = new TranscriptFaults();
        using var app = new BotApplication(configureServices: services => DecorateTranscript(services, faults));
        var client = new DirectLineTestClient(app);
        var conversation = await client.StartAsync();
        faults.FailReads = true;

        using var response = await client.GetAsync($"/v3/directline/conversations/{conversation.ConversationId}/activities?watermark=3", conversation.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await DirectLineTestClient.ReadJsonAsync(response);
        Assert.Empty(body["activities"]!.AsArray());
        Assert.Equal("3", body["watermark"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_TurnQueueFull_AnswersWithStoredBusyNoticeNotAnError()
    {
        // The greeting's turn frees its queue place just after its reply is sent; a zero timeout let
        // "first" race that release and be refused under load. So "first" may wait for it, and
        // "second" is refused once the test's clock has passed the timeout with "first" still held.
        using var app = new BotApplication(new Dictionary<string, string?>
        {
            ["Turns:QueueCapacity"] = "1",
            ["Turns:MaxConcurrentTurns"] = "1",
            ["Turns:EnqueueTimeout"] = "00:00:01",
        });
        var client = new DirectLineTestClient(app);
        var conversation = await client.StartAsync();
        await using var stream = await client.OpenStreamAsync(conversation.StreamUrl);
        await stream.WaitForAsync(a => a["from"]?["role"]?.GetValue<string>() == "bot");
        app.Nlu.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = await client.SendMessageAsync(conversation.ConversationId, conversation.Token, "first", "busy-1");
        await stream.WaitForAsync(DirectLineActivityTests.IsTyping);

        var sending = client.SendMessageAsync(conversation.ConversationId, conversation.Token, "second", "busy-2");
        for (var tick = 0; tick < 200 && !sending.IsCompleted; tick++)
        {
            // The timeout timer starts only once "second" waits for admission, so keep moving the clock.
            app.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(sending, Task.Delay(TimeSpan.FromMilliseconds(50)));
        }

        var rejected = await sending.WaitAsync(TimeSpan.FromSeconds(10));

        var notice = await stream.WaitForAsync(a => a["replyToId"]?.GetValue<string>() == rejected);
        Assert.Contains("send it again", notice["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var (polled, _) = await client.PollAsync(conversation.ConversationId, conversation.Token, string.Empty);
        Assert.Contains(polled, a => a!["id"]!.GetValue<string>() == notice["id"]!.GetValue<string>());
        app.Nlu.Gate.SetResult();
        await stream.WaitForAsync(a => a["replyToId"]?.GetValue<string>() == held && a["type"]!.GetValue<string>() == "message");
    }

    private static void DecorateTranscript(IServiceCollection services, TranscriptFaults faults)
    {
        var registration = services.Last(d => d.ServiceType == typeof(ITranscriptStore));
        services.Remove(registration);
        services.AddScoped<ITranscriptStore>(provider => new FaultyTranscriptStore(
            (ITranscriptStore)ActivatorUtilities.CreateInstance(provider, registration.ImplementationType!), faults));
    }
}
