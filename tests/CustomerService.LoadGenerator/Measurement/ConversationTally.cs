namespace CustomerService.LoadGenerator.Measurement;

/// <summary>What one conversation's reply tracker found once the conversation ended.</summary>
/// <param name="DuplicateActivities">Activities whose id had already been delivered on this conversation.</param>
/// <param name="ExtraReplies">Bot replies to a turn beyond the expected count (0 when unchecked).</param>
/// <param name="LateReplies">Turns declared lost whose reply did arrive later.</param>
/// <param name="Misrouted">Activities of another conversation, or another user's message on ours.</param>
/// <param name="OrphanReplies">Bot replies whose replyToId the client never saw (directline.md G7: Web Chat holds them up to 5 s).</param>
/// <param name="EchoProblems">Posted messages whose echo was missing or carried another id (directline.md §9, G5).</param>
/// <param name="Replies">Bot replies that answered a posted turn.</param>
internal sealed record ConversationTally(
    int DuplicateActivities,
    int ExtraReplies,
    int LateReplies,
    int Misrouted,
    int OrphanReplies,
    int EchoProblems,
    int Replies);
