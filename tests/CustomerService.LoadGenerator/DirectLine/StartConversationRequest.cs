namespace CustomerService.LoadGenerator.DirectLine;

/// <summary>Body of <c>tokens/generate</c> and <c>POST /conversations</c>: <c>{"user":{"id":…}}</c> (§3).</summary>
internal sealed record StartConversationRequest
{
    public required WireAccount User { get; init; }

    public string? Locale { get; init; }
}
