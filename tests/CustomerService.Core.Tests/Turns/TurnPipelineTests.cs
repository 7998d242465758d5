using System.Text.Json;
using CustomerService.Core.Activities;
using CustomerService.Core.Middleware;
using CustomerService.Core.Routing;
using CustomerService.Core.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Core.Tests.Turns;

public sealed class TurnPipelineTests
{
    [Fact]
    public async Task Create_FromServices_HasTheFixedOrder()
    {
        await using var host = new CoreTestHost();
        await using var scope = host.Services.CreateAsyncScope();

        var pipeline = TurnPipeline.Create(scope.ServiceProvider);

        Assert.Equal(
            [typeof(ErrorBoundaryMiddleware), typeof(TranscriptMiddleware), typeof(ConversationStateMiddleware), typeof(HandoffGateMiddleware), typeof(TypingMiddleware), typeof(RouterMiddleware)],
            pipeline.Order);
    }

    [Fact]
    public async Task Turn_Reply_IsAddressedAsReplyWithoutInboundChannelData()
    {
        await using var host = new CoreTestHost();
        using var channelData = JsonDocument.Parse("""{"clientActivityID":"abc"}""");

        var inbound = await host.SendAsync("conv-1", new Activity { Type = ActivityTypes.Message, Text = "hi", ChannelData = channelData.RootElement.Clone() });

        var reply = Assert.Single(host.Sink.Published);
        Assert.Equal(inbound.Activity.Id, reply.ReplyToId);
        Assert.Null(reply.ChannelData);
        Assert.Equal(RoleTypes.Bot, reply.From?.Role);
        Assert.Equal(CoreTestHost.BotId, reply.From?.Id);
        Assert.Equal("user-1", reply.Recipient?.Id);
        Assert.Equal("conv-1", reply.Conversation?.Id);
        Assert.Equal("en-US", reply.Locale);
        Assert.NotNull(reply.Id);
    }

    [Fact]
    public async Task Turn_ConversationUpdate_WelcomeNamesNoReplyToId()
    {
        await using var host = new CoreTestHost();

        var inbound = await host.SendAsync("conv-1", new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            MembersAdded = [new ChannelAccount("user-1", null, RoleTypes.User)],
        });

        Assert.NotNull(inbound.Activity.Id);
        Assert.NotEmpty(host.Sink.Timeline);
        Assert.All(host.Sink.Timeline, r => Assert.Null(r.Activity.ReplyToId));
    }

    [Fact]
    public async Task Turn_Typing_IsSentBeforeRepliesAndNeverAfter()
    {
        await using var host = new CoreTestHost();

        await host.SendTextAsync("conv-1", "hello");
        await host.SendTextAsync("conv-1", "thanks");

        var timeline = host.Sink.Timeline;
        Assert.Equal([true, false, true, false], timeline.Select(r => r.Ephemeral));
        Assert.All(timeline.Where(r => r.Ephemeral), r => Assert.Equal(ActivityTypes.Typing, r.Activity.Type));
    }

    [Fact]
    public async Task Turn_OversizedHostileText_IsHandledAsPlainText()
    {
        await using var host = new CoreTestHost();
        var hostile = "<script>alert(1)</script>" + new string('x', 50_000) + "\ud800";

        await host.SendTextAsync("conv-1", hostile);

        var reply = Assert.Single(host.Sink.Published);
        Assert.Equal("plain", reply.TextFormat);
        Assert.True(host.Classifier.Calls.Single().Length <= 1000);
    }
}
