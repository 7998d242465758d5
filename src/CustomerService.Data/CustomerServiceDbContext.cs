using CustomerService.Data.Configurations;
using CustomerService.Data.Entities;
using CustomerService.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Data;

/// <summary>The one database of the platform: customers, conversations, transcripts, escalations and the outbox.</summary>
internal sealed class CustomerServiceDbContext(DbContextOptions<CustomerServiceDbContext> options) : DbContext(options)
{
    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<ChannelIdentity> ChannelIdentities => Set<ChannelIdentity>();

    public DbSet<Conversation> Conversations => Set<Conversation>();

    public DbSet<ActivityRecord> Activities => Set<ActivityRecord>();

    public DbSet<ProfileFact> ProfileFacts => Set<ProfileFact>();

    public DbSet<Order> Orders => Set<Order>();

    public DbSet<OrderItem> OrderItems => Set<OrderItem>();

    public DbSet<Escalation> Escalations => Set<Escalation>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<ProcessedSlackEvent> ProcessedSlackEvents => Set<ProcessedSlackEvent>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no DateTimeOffset type and cannot ORDER BY or compare EF's default text form
        // across offsets; UTC ticks in an INTEGER sort and compare correctly.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Listed explicitly rather than scanned, so the model is visible in one place.
        modelBuilder.ApplyConfiguration(new CustomerConfiguration());
        modelBuilder.ApplyConfiguration(new ChannelIdentityConfiguration());
        modelBuilder.ApplyConfiguration(new ConversationConfiguration());
        modelBuilder.ApplyConfiguration(new ActivityRecordConfiguration());
        modelBuilder.ApplyConfiguration(new ProfileFactConfiguration());
        modelBuilder.ApplyConfiguration(new OrderConfiguration());
        modelBuilder.ApplyConfiguration(new OrderItemConfiguration());
        modelBuilder.ApplyConfiguration(new EscalationConfiguration());
        modelBuilder.ApplyConfiguration(new OutboxMessageConfiguration());
        modelBuilder.ApplyConfiguration(new ProcessedSlackEventConfiguration());
    }
}
