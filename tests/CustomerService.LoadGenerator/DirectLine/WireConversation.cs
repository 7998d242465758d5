namespace CustomerService.LoadGenerator.DirectLine;

/// <summary><c>{id}</c> of the conversation an activity belongs to.</summary>
internal sealed record WireConversation
{
    public string? Id { get; init; }
}
