namespace CustomerService.CrashTests;

/// <summary>A message the host acknowledged (200 with an id): the promise is that it is stored, whatever happens next.</summary>
internal sealed record AcknowledgedMessage(string ConversationId, string ActivityId, string ClientActivityId, string Text);
