using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CustomerService.Data;

/// <summary>Lets <c>dotnet ef</c> build the model without the host; it never opens this database.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<CustomerServiceDbContext>
{
    public CustomerServiceDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<CustomerServiceDbContext>()
            .UseSqlite("Data Source=design-time.db")
            .Options;
        return new CustomerServiceDbContext(options);
    }
}
