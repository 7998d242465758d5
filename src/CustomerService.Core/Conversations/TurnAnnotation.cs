namespace CustomerService.Core.Conversations;

/// <summary>What the bot understood of a customer message, stored with it for the agent page and retraining.</summary>
/// <param name="Intent">Intent id the classifier chose.</param>
/// <param name="Confidence">Its probability, 0–1.</param>
/// <param name="DialogId">Dialog that handled the turn, if any.</param>
public sealed record TurnAnnotation(string Intent, float Confidence, string? DialogId);
