using CustomerService.Core.Activities;
using CustomerService.Core.Ports;

namespace CustomerService.Core.Turns;

/// <summary>One inbound activity to run through the bot, as a channel hands it over.</summary>
/// <param name="ChannelId">Channel id (<c>webchat</c>, <c>directline</c>, <c>slack</c>, <c>console</c>).</param>
/// <param name="ConversationId">Conversation the activity belongs to; turns of one conversation run in order.</param>
/// <param name="Inbound">The inbound activity, already committed by <see cref="ITranscriptStore.AppendCommittedAsync"/>.</param>
/// <param name="Customer">The customer's channel identity (<c>from</c> of the inbound activity).</param>
/// <param name="Sink">Where the turn's replies go once committed, and typing at once.</param>
/// <param name="Locale">BCP-47 locale of the customer, if the channel knows it.</param>
public sealed record TurnRequest(
    string ChannelId,
    string ConversationId,
    StoredActivity Inbound,
    ChannelAccount Customer,
    IReplySink Sink,
    string? Locale = null);
