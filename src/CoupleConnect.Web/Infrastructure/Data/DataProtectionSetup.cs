using Microsoft.AspNetCore.DataProtection;

namespace CoupleConnect.Web.Infrastructure.Data;

public static class DataProtectionSetup
{
    /// <summary>Keys live in PostgreSQL so every app instance can read the others' cookies and antiforgery tokens.</summary>
    public static WebApplicationBuilder AddDataProtection(this WebApplicationBuilder builder)
    {
        builder.Services.AddDataProtection()
            .SetApplicationName("CoupleConnect")
            .PersistKeysToDbContext<AppDbContext>();
        return builder;
    }
}
