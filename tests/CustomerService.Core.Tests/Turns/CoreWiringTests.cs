using CustomerService.Core.Activities;
using CustomerService.Core.Conversations;
using CustomerService.Core.Dialogs;
using CustomerService.Core.Ports;
using CustomerService.Core.Routing;
using CustomerService.Core.Turns;
using CustomerService.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CustomerService.Core.Tests.Turns;

public sealed class CoreWiringTests
{
    [Fact]
    public async Task StartAsync_BadDialogsFolder_FailsStartWithValidationException()
    {
        await using var host = new CoreTestHost(dialogsPath: Path.Combine(Path.GetTempPath(), "no-such-dialogs-" + Guid.NewGuid().ToString("N")));
        var checks = host.Services.GetServices<IHostedService>();

        var error = await Assert.ThrowsAsync<DialogValidationException>(async () =>
        {
            foreach (var check in checks.Where(c => c.GetType().Name == "DialogCatalogStartupCheck"))
            {
                await check.StartAsync(CancellationToken.None);
            }
        });

        Assert.Contains("Dialogs:Path", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_OutOfRangeConfidence_FailValidation()
    {
        await using var host = new CoreTestHost(new Dictionary<string, string?> { ["Routing:MinConfidence"] = "1.5" });

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<RoutingOptions>>().Value);

        Assert.Contains("MinConfidence", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_OnSendHooks_RunInOrderBeforeStaging()
    {
        await using var host = new CoreTestHost();
        await using var scope = host.Services.CreateAsyncScope();
        var transcript = scope.ServiceProvider.GetRequiredService<ITranscriptStore>();
        var inbound = host.Store.AppendCommitted("conv-1", new Activity { Text = "hi" });
        var context = new TurnContext(new TurnRequest("webchat", "conv-1", inbound, new ChannelAccount("user-1"), host.Sink), transcript, new ChannelAccount("bot"));
        context.OnSend.Add((_, a, _) => ValueTask.FromResult(a with { Text = a.Text + " one" }));
        context.OnSend.Add((_, a, _) => ValueTask.FromResult(a with { Text = a.Text + " two" }));

        await context.SendAsync(new Activity { Text = "zero" }, CancellationToken.None);
        var committed = await scope.ServiceProvider.GetRequiredService<ITurnTransaction>().CommitAsync(CancellationToken.None);

        Assert.Equal("zero one two", Assert.Single(committed).Activity.Text);
        Assert.Equal(inbound.Activity.Id, committed[0].Activity.ReplyToId);
    }

    [Fact]
    public async Task HandoffGate_SeveralRelays_AllAreToldAndBotStaysSilent()
    {
        var second = new RecordingAgentRelay();
        await using var host = new CoreTestHost(configure: s => s.AddSingleton<IAgentRelay>(second));
        await host.SendTextAsync("conv-1", "agent");
        var repliesBefore = host.Sink.Published.Count;

        await host.SendTextAsync("conv-1", "is anyone there?");

        Assert.Single(host.Relay.Messages);
        Assert.Single(second.Messages);
        Assert.Equal(HandoffState.Pending, second.Messages[0].Handoff);
        Assert.Equal(repliesBefore, host.Sink.Published.Count);
    }

    [Fact]
    public async Task Router_ActiveDialogNoLongerExists_StartsFresh()
    {
        await using var host = new CoreTestHost();
        var customer = new ChannelAccount("user-1");
        host.Store.AppendCommitted("conv-1", new Activity { Text = "earlier", From = customer });
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IConversationStore>();
            var state = await store.LoadAsync("webchat", "conv-1", customer, CancellationToken.None);
            state.ActiveDialog = new DialogState("removed_dialog", "ask", new Dictionary<string, string>(), 0);
            await store.SaveAsync(state, CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<ITurnTransaction>().CommitAsync(CancellationToken.None);
        }

        await host.SendTextAsync("conv-1", "thanks");

        Assert.Null(host.Store.Conversation("conv-1")?.ActiveDialog);
        Assert.Equal(IntentIds.Thanks, host.Store.Conversation("conv-1")?.LastIntent);
        Assert.Single(host.Sink.Published);
    }

    [Fact]
    public async Task Generate_GeneratorHangs_TimesOutToFallbackAndCountsFailure()
    {
        await using var host = new CoreTestHost();
        host.Classifier.When("how do i switch accounts", IntentIds.SwitchAccount, 0.9f);
        host.Generator.Hang(IntentIds.SwitchAccount);

        var turn = host.SendTextAsync("conv-1", "how do i switch accounts");
        await host.Generator.HangStarted.WaitAsync(TimeSpan.FromSeconds(10));
        host.Time.Advance(TimeSpan.FromSeconds(11));
        await turn.WaitAsync(TimeSpan.FromSeconds(10));

        var reply = Assert.Single(host.Sink.Published);
        Assert.Contains("Sign", reply.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, host.Store.Conversation("conv-1")?.FailedTurns);
        Assert.Equal(96, host.Generator.Requests.Single().Settings?.MaxNewTokens);
    }
}
