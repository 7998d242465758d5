using CustomerService.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Data.Configurations;

internal sealed class ProfileFactConfiguration : IEntityTypeConfiguration<ProfileFact>
{
    public void Configure(EntityTypeBuilder<ProfileFact> builder)
    {
        builder.HasKey(f => new { f.CustomerId, f.Key });
        builder.Property(f => f.Key).HasMaxLength(DataLimits.MaxFactKeyLength);
        builder.Property(f => f.Value).HasMaxLength(DataLimits.MaxFactValueLength);
    }
}
