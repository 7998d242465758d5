using CustomerService.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Data.Configurations;

internal sealed class EscalationConfiguration : IEntityTypeConfiguration<Escalation>
{
    public void Configure(EntityTypeBuilder<Escalation> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasMaxLength(64);
        builder.Property(e => e.ChannelId).HasMaxLength(DataLimits.MaxChannelIdLength);
        builder.Property(e => e.Reason).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Intent).HasMaxLength(64);
        builder.Property(e => e.ClaimedBy).HasMaxLength(DataLimits.MaxAgentIdLength);
        builder.Property(e => e.ResolvedBy).HasMaxLength(DataLimits.MaxAgentIdLength);
        builder.Property(e => e.SlackChannel).HasMaxLength(64);
        builder.Property(e => e.SlackMessageTs).HasMaxLength(64);

        // Claim and resolve are compare-and-set on this token: a stale writer updates nothing.
        builder.Property(e => e.Version).IsConcurrencyToken();

        builder.HasOne<Conversation>().WithMany().HasForeignKey(e => e.ConversationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Customer>().WithMany().HasForeignKey(e => e.CustomerId).OnDelete(DeleteBehavior.Cascade);

        builder.HasIndex(e => new { e.State, e.CreatedAt });
        builder.HasIndex(e => e.ConversationId);
        builder.HasIndex(e => e.CustomerId);
        builder.HasIndex(e => new { e.SlackChannel, e.SlackMessageTs });
    }
}
