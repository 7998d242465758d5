namespace CustomerService.Data.Agents;

/// <summary>Read models for the agent page: transcripts with NLU annotations, customer profiles, the dashboard.</summary>
public interface IAgentConsoleStore
{
    Task<ConversationSummary?> GetConversationAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Transcript lines with sequence greater than <paramref name="afterSequence"/>, oldest first.</summary>
    Task<IReadOnlyList<TranscriptEntry>> GetTranscriptAsync(string conversationId, long afterSequence, int limit, CancellationToken cancellationToken);

    Task<CustomerProfile?> GetCustomerProfileAsync(string customerId, CancellationToken cancellationToken);

    /// <summary>Numbers since <paramref name="since"/>; messages below <paramref name="lowConfidence"/> (0–1) count as misunderstood.</summary>
    Task<DashboardStats> GetDashboardAsync(DateTimeOffset since, float lowConfidence, int maxItems, CancellationToken cancellationToken);
}
