namespace CustomerService.LoadGenerator.DirectLine;

/// <summary>Answer of <c>POST …/activities</c>: the id the server gave the posted activity.</summary>
internal sealed record ResourceResponse
{
    public string? Id { get; init; }
}
