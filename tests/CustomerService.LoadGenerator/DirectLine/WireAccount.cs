namespace CustomerService.LoadGenerator.DirectLine;

/// <summary><c>{id, name?, role?}</c> of an activity's sender or recipient.</summary>
internal sealed record WireAccount
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? Role { get; init; }
}
