using CustomerService.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Data.Configurations;

internal sealed class ProcessedSlackEventConfiguration : IEntityTypeConfiguration<ProcessedSlackEvent>
{
    public void Configure(EntityTypeBuilder<ProcessedSlackEvent> builder)
    {
        builder.HasKey(e => e.EventId);
        builder.Property(e => e.EventId).HasMaxLength(DataLimits.MaxEventIdLength);
        builder.HasIndex(e => e.ReceivedAt);
    }
}
