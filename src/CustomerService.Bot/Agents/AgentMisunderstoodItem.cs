namespace CustomerService.Bot.Agents;

/// <summary>A customer message the classifier was unsure of (redacted): material for retraining.</summary>
internal sealed record AgentMisunderstoodItem(string ActivityId, string ConversationId, string? Text, string? Intent, float Confidence, DateTimeOffset Timestamp);
