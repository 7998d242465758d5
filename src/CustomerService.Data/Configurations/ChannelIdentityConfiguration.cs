using CustomerService.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Data.Configurations;

internal sealed class ChannelIdentityConfiguration : IEntityTypeConfiguration<ChannelIdentity>
{
    public void Configure(EntityTypeBuilder<ChannelIdentity> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.ChannelId).HasMaxLength(DataLimits.MaxChannelIdLength);
        builder.Property(i => i.ChannelUserId).HasMaxLength(DataLimits.MaxChannelUserIdLength);

        // One identity belongs to exactly one customer; a customer may have several (linked channels).
        builder.HasIndex(i => new { i.ChannelId, i.ChannelUserId }).IsUnique();
        builder.HasIndex(i => i.CustomerId);
    }
}
