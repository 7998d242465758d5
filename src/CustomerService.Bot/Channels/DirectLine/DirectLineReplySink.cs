using CustomerService.Core.Activities;
using CustomerService.Core.Ports;

namespace CustomerService.Bot.Channels.DirectLine;

/// <summary>
/// The Direct Line way out: committed replies are already in the log (which polling reads), so publishing only
/// pushes them to the conversation's socket; typing goes to the socket alone and is never stored (§10).
/// </summary>
internal sealed class DirectLineReplySink(DirectLineStreamHub hub) : IReplySink
{
    public ValueTask SendEphemeralAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        hub.PublishEphemeral(conversationId, activity);
        return ValueTask.CompletedTask;
    }

    public ValueTask PublishAsync(string conversationId, IReadOnlyList<StoredActivity> activities, CancellationToken cancellationToken)
    {
        hub.Publish(conversationId, activities);
        return ValueTask.CompletedTask;
    }
}
