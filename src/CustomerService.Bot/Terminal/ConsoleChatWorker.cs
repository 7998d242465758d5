using System.Globalization;
using CustomerService.Core.Activities;
using CustomerService.Core.Ports;
using CustomerService.Core.Turns;
using Spectre.Console;

namespace CustomerService.Bot.Terminal;

/// <summary>
/// <c>dotnet run -- chat</c>: one conversation in the terminal, like <c>rasa shell</c>, through the same
/// pipeline, stores and models as the web channels; each turn shows the intent and its confidence.
/// </summary>
internal sealed class ConsoleChatWorker(
    IServiceScopeFactory scopeFactory,
    ITurnProcessor processor,
    ConsoleReplySink sink,
    ConsoleTurnObserver observer,
    IAnsiConsole console,
    IHostApplicationLifetime lifetime) : BackgroundService
{
    public const string ChannelId = "console";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting (migrations, warm-up) before the prompt appears.
        await Task.Yield();
        var conversationId = "console-" + Guid.NewGuid().ToString("N");
        var user = new ChannelAccount("console-" + Environment.UserName, Environment.UserName, RoleTypes.User);
        var bot = new ChannelAccount("bot", null, RoleTypes.Bot);
        console.Write(new Rule("[bold]Customer Service[/] console chat").LeftJustified());
        console.MarkupLine("[grey]Type a message and press Enter. /quit or Ctrl+D leaves.[/]");

        try
        {
            await RunTurnAsync(
                conversationId,
                user,
                new Activity { Type = ActivityTypes.ConversationUpdate, From = user, Recipient = bot, MembersAdded = [bot, user] },
                stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                console.Markup("[bold green]you>[/] ");
                var line = await Console.In.ReadLineAsync(stoppingToken);
                if (line is null || line.Trim() is "/quit" or "/exit")
                {
                    break;
                }

                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                observer.Reset();
                var message = new Activity { Type = ActivityTypes.Message, From = user, Recipient = bot, Text = line, TextFormat = "plain", Locale = CultureInfo.CurrentCulture.Name };
                await RunTurnAsync(conversationId, user, message, stoppingToken);
                if (observer.Last is { } prediction)
                {
                    var alternatives = string.Join(", ", prediction.Alternatives.Skip(1).Select(a => $"{a.Intent} {a.Confidence:P0}"));
                    console.MarkupLine($"[grey]  intent: {Markup.Escape(prediction.Intent)} ({prediction.Confidence:P1}); next: {Markup.Escape(alternatives)}[/]");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Ctrl+C: the host is stopping.
        }
        finally
        {
            lifetime.StopApplication();
        }
    }

    private async Task RunTurnAsync(string conversationId, ChannelAccount user, Activity activity, CancellationToken cancellationToken)
    {
        StoredActivity stored;
        await using (var scope = scopeFactory.CreateAsyncScope())
        {
            var transcript = scope.ServiceProvider.GetRequiredService<ITranscriptStore>();
            stored = await transcript.AppendCommittedAsync(
                conversationId, activity with { ChannelId = ChannelId, Conversation = new ConversationAccount(conversationId) }, cancellationToken);
        }

        // One conversation, one turn at a time: run it here rather than through the queue.
        await processor.ProcessAsync(new TurnRequest(ChannelId, conversationId, stored, user, sink, activity.Locale), cancellationToken);
    }
}
