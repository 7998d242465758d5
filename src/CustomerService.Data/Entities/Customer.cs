namespace CustomerService.Data.Entities;

/// <summary>A person we talk to, found through one or more channel identities.</summary>
internal sealed class Customer
{
    public required string Id { get; set; }

    public string? DisplayName { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<ChannelIdentity> Identities { get; } = [];

    public List<ProfileFact> Facts { get; } = [];

    public List<Order> Orders { get; } = [];

    public List<Conversation> Conversations { get; } = [];
}
