using CustomerService.Bot.Channels.Slack.Work;
using CustomerService.Core.Ports;
using Microsoft.Extensions.Options;

namespace CustomerService.Bot.Channels.Slack;

/// <summary>
/// Shows a customer's message in the escalation card's thread while agents own the conversation. Called inside the
/// customer's turn, so it only queues the post; the Slack call happens in <c>SlackTurnWorker</c>.
/// </summary>
internal sealed class SlackAgentRelay(SlackWorkQueue queue, IOptions<SlackOptions> options, TimeProvider timeProvider) : IAgentRelay
{
    public async Task RelayCustomerMessageAsync(AgentRelayMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!options.Value.PostsCards || string.IsNullOrWhiteSpace(message.Message.Activity.Text))
        {
            return;
        }

        // Best effort by design: the message is in the transcript and on the agent page whatever happens here.
        await queue.TryEnqueueAsync(new SlackThreadRelayWork(message.ConversationId, message.Message.Activity.Text), TimeSpan.Zero, timeProvider, cancellationToken);
    }
}
