using CustomerService.Core.Activities;
using CustomerService.Core.Ports;
using Spectre.Console;

namespace CustomerService.Bot.Terminal;

/// <summary>The terminal as a channel: prints the bot's committed replies and shows typing as a dim line.</summary>
internal sealed class ConsoleReplySink(IAnsiConsole console) : IReplySink
{
    public ValueTask SendEphemeralAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Type == ActivityTypes.Typing)
        {
            console.MarkupLine("[grey]…typing[/]");
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask PublishAsync(string conversationId, IReadOnlyList<StoredActivity> activities, CancellationToken cancellationToken)
    {
        foreach (var activity in activities.Select(a => a.Activity))
        {
            if (activity.From?.Role == RoleTypes.User)
            {
                continue;
            }

            // Everything printed is escaped: bot text may contain brackets, which are Spectre markup.
            var speaker = Markup.Escape(activity.From?.Name ?? activity.From?.Id ?? "bot");
            if (activity.Type == ActivityTypes.Message && !string.IsNullOrEmpty(activity.Text))
            {
                console.MarkupLine($"[bold deepskyblue1]{speaker}>[/] {Markup.Escape(activity.Text)}");
            }
            else if (activity.Type == ActivityTypes.Event && activity.Name is { } name)
            {
                console.MarkupLine($"[yellow]event {Markup.Escape(name)}[/]");
            }

            if (activity.SuggestedActions is { Actions.Count: > 0 } suggestions)
            {
                var titles = suggestions.Actions.Select(a => Markup.Escape(a.Title ?? a.Value ?? string.Empty));
                console.MarkupLine($"[grey]  suggestions: {string.Join(" | ", titles)}[/]");
            }
        }

        return ValueTask.CompletedTask;
    }
}
