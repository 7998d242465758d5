namespace CustomerService.Core.Conversations;

/// <summary>Who owns a conversation: <c>Bot → Pending → Agent → Resolved</c> (bot resumes on the next customer message).</summary>
public enum HandoffState
{
    Bot = 0,
    Pending = 1,
    Agent = 2,
    Resolved = 3,
}
