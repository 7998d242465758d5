using CustomerService.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Data.Configurations;

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasMaxLength(DataLimits.MaxConversationIdLength);
        builder.Property(c => c.ChannelId).HasMaxLength(DataLimits.MaxChannelIdLength);
        builder.Property(c => c.Handoff).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.AssignedAgent).HasMaxLength(DataLimits.MaxAgentIdLength);
        builder.Property(c => c.LastIntent).HasMaxLength(64);

        builder.HasMany(c => c.Activities).WithOne().HasForeignKey(a => a.ConversationId).OnDelete(DeleteBehavior.Cascade);

        builder.HasIndex(c => new { c.CustomerId, c.LastActivityAt });
        builder.HasIndex(c => c.LastActivityAt);
        builder.HasIndex(c => c.CreatedAt);
    }
}
