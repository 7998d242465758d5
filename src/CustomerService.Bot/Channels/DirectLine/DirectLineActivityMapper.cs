using System.Text.Json;
using System.Text.RegularExpressions;
using CustomerService.Core.Activities;
using CustomerService.Core.Ports;
using CustomerService.Core.Turns;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CustomerService.Bot.Channels.DirectLine;

/// <summary>
/// Translates between Direct Line wire JSON and our <see cref="Activity"/>: inbound activities are checked and
/// pinned to the caller's identity; outbound ones are shaped the way Web Chat expects (directline.md §4, §9).
/// </summary>
internal sealed partial class DirectLineActivityMapper(IOptions<TurnOptions> turnOptions)
{
    private const int MaxShortFieldLength = 128;

    private static readonly HashSet<string> AcceptedInboundTypes =
        new(StringComparer.Ordinal) { ActivityTypes.Message, ActivityTypes.Event, ActivityTypes.Typing, ActivityTypes.EndOfConversation, "messageReaction" };

    // Never delivered to the client: conversationUpdate is bot-only (G6), trace is diagnostics, typing is never stored.
    private static readonly HashSet<string> HiddenOutboundTypes =
        new(StringComparer.Ordinal) { ActivityTypes.ConversationUpdate, "trace", ActivityTypes.Typing, "invoke", "installationUpdate" };

    public ChannelAccount Bot { get; } = new(turnOptions.Value.BotId, turnOptions.Value.BotName, RoleTypes.Bot);

    /// <summary>Checks a posted activity and returns it ready to store: no id or timestamp, sender forced to the caller.</summary>
    public bool TryMapInbound(
        JsonElement root,
        DirectLineCaller caller,
        string conversationId,
        out Activity activity,
        out JsonHttpResult<DirectLineError>? error)
    {
        activity = new Activity();
        error = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            error = DirectLineProblem.BadArgument("The activity must be a JSON object.");
            return false;
        }

        if (!root.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String || typeElement.GetString() is not { Length: > 0 })
        {
            error = DirectLineProblem.MissingProperty("type");
            return false;
        }

        Activity? posted;
        try
        {
            posted = root.Deserialize<Activity>(ActivityJson.Options);
        }
        catch (JsonException ex)
        {
            error = DirectLineProblem.BadArgument($"The activity is not valid: '{ex.Path ?? "$"}' has the wrong type or shape.");
            return false;
        }

        if (posted is null || !AcceptedInboundTypes.Contains(posted.Type))
        {
            error = DirectLineProblem.BadArgument("Activities of this type cannot be posted; send message, event, typing, messageReaction or endOfConversation.");
            return false;
        }

        if (posted.Type == ActivityTypes.Event && string.IsNullOrWhiteSpace(posted.Name))
        {
            error = DirectLineProblem.MissingProperty("name");
            return false;
        }

        if (posted.Attachments is { Count: > 0 })
        {
            error = DirectLineProblem.Create(
                StatusCodes.Status400BadRequest, DirectLineErrorCodes.UploadNotSupported, "Attachments and uploads are not supported yet; send text.");
            return false;
        }

        if (TooLong(posted.Name) || TooLong(posted.ReplyToId) || TooLong(posted.LocalTimestamp) || TooLong(posted.LocalTimezone))
        {
            error = DirectLineProblem.BadArgument($"name, replyToId, localTimestamp and localTimezone are limited to {MaxShortFieldLength} characters.");
            return false;
        }

        var userId = caller.UserId ?? posted.From?.Id;
        if (userId is null)
        {
            error = DirectLineProblem.MissingProperty("from.id");
            return false;
        }

        if (!DirectLineIds.IsValidUserId(userId))
        {
            error = DirectLineProblem.BadArgument("from.id may use letters, digits and _ - . : @ (1 to 64 characters).");
            return false;
        }

        activity = posted with
        {
            Id = null,
            Timestamp = null,
            ChannelId = DirectLineChannel.ChannelId,

            // G3: the sender is whoever the token says, shown as the user; a posted role or id cannot impersonate the bot.
            From = new ChannelAccount(userId, DirectLineIds.CleanUserName(posted.From?.Name) ?? caller.UserName, RoleTypes.User),
            Recipient = Bot,
            Conversation = new ConversationAccount(conversationId),
            Text = posted.Text?.Replace("\0", string.Empty, StringComparison.Ordinal),

            // Customer text is shown as typed, never rendered as markdown or HTML.
            TextFormat = posted.Type == ActivityTypes.Message ? "plain" : posted.TextFormat,
            Locale = posted.Locale is { } locale && LocaleRegex().IsMatch(locale) ? locale : null,
            SuggestedActions = null,
            MembersAdded = null,
            MembersRemoved = null,
        };
        return true;
    }

    /// <summary>The activity as the client sees it, or null when clients never get it (G6).</summary>
    public Activity? ToWire(string conversationId, StoredActivity stored)
    {
        var activity = stored.Activity;
        if (HiddenOutboundTypes.Contains(activity.Type))
        {
            return null;
        }

        var from = activity.From switch
        {
            null => Bot,

            // A human agent speaks through the bot; Web Chat knows only user and bot (G4).
            { Role: RoleTypes.Agent } agent => agent with { Role = RoleTypes.Bot },
            { Role: null } sender when sender.Id == Bot.Id => Bot,
            var sender => sender,
        };
        return activity with { From = from, Conversation = new ConversationAccount(conversationId) };
    }

    /// <summary>An ephemeral activity (typing) as the client sees it.</summary>
    public Activity EphemeralToWire(string conversationId, Activity activity) => activity with
    {
        Id = activity.Id ?? DirectLineIds.NewEphemeralActivityId(),
        From = activity.From ?? Bot,
        Conversation = new ConversationAccount(conversationId),
    };

    private static bool TooLong(string? value) => value is { Length: > MaxShortFieldLength };

    [GeneratedRegex("^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex LocaleRegex();
}
