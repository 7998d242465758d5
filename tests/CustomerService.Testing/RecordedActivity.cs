using CustomerService.Core.Activities;

namespace CustomerService.Testing;

/// <summary>One delivery to a <see cref="RecordingReplySink"/>: ephemeral (typing) or published (committed).</summary>
public sealed record RecordedActivity(string ConversationId, bool Ephemeral, Activity Activity, long? Sequence);
