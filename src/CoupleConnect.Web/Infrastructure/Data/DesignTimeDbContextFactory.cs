using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CoupleConnect.Web.Infrastructure.Data;

/// <summary>For `dotnet ef migrations add`: builds the model without the app's configuration or real keys.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        // Identity shapes its tables from IdentityOptions (schema version 3 adds passkeys): give the tools the app's choice.
        var identityServices = new ServiceCollection()
            .Configure<IdentityOptions>(identity => identity.Stores.SchemaVersion = AccountsSetup.IdentitySchemaVersion)
            .BuildServiceProvider();
        var options = new DbContextOptionsBuilder<AppDbContext>()
            .UseApplicationServiceProvider(identityServices)
            .UseNpgsql("Host=localhost;Database=coupleconnect_design", npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .Options;
        var throwawayKey = new Dictionary<string, byte[]> { ["design"] = new byte[32] };
        return new AppDbContext(options, new FieldEncryptor("design", throwawayKey));
    }
}
