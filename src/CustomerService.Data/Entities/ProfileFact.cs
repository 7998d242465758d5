namespace CustomerService.Data.Entities;

/// <summary>A remembered fact about a customer, e.g. <c>name</c> or <c>preferred_category</c>.</summary>
internal sealed class ProfileFact
{
    public required string CustomerId { get; set; }

    public required string Key { get; set; }

    public required string Value { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
