using CustomerService.Data.Agents;

namespace CustomerService.Data.Privacy;

/// <summary>One conversation in an export, with every stored activity in order.</summary>
public sealed record ExportedConversation(ConversationSummary Summary, IReadOnlyList<ExportedActivity> Activities);
