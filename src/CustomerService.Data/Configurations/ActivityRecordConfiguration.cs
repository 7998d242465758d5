using CustomerService.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Data.Configurations;

internal sealed class ActivityRecordConfiguration : IEntityTypeConfiguration<ActivityRecord>
{
    public void Configure(EntityTypeBuilder<ActivityRecord> builder)
    {
        builder.ToTable("Activities");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.ActivityId).HasMaxLength(DataLimits.MaxConversationIdLength + 9);
        builder.Property(a => a.Type).HasMaxLength(64);
        builder.Property(a => a.Role).HasMaxLength(16);
        builder.Property(a => a.FromId).HasMaxLength(DataLimits.MaxChannelUserIdLength);
        builder.Property(a => a.Intent).HasMaxLength(64);
        builder.Property(a => a.DialogId).HasMaxLength(64);

        // The backstop for sequence assignment: whatever the locks do, a sequence is never stored twice.
        builder.HasIndex(a => new { a.ConversationId, a.Sequence }).IsUnique();
        builder.HasIndex(a => a.ActivityId).IsUnique();
        builder.HasIndex(a => a.Timestamp);
    }
}
