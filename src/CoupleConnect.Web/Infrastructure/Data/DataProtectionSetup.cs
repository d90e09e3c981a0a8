using CoupleConnect.Web.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace CoupleConnect.Web.Infrastructure.Data;

public static class DataProtectionSetup
{
    /// <summary>
    /// Keys live in PostgreSQL so every app instance can read the others' cookies and antiforgery tokens; their secret
    /// part is encrypted with a subkey of the field-encryption key, which is kept outside the database (docs/adr/0016).
    /// </summary>
    public static WebApplicationBuilder AddDataProtection(this WebApplicationBuilder builder)
    {
        builder.Services.AddDataProtection()
            .SetApplicationName("CoupleConnect")
            .PersistKeysToDbContext<AppDbContext>();
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<FieldEncryptor>((options, encryptor) => options.XmlEncryptor = new DataProtectionKeyEncryptor(encryptor));
        return builder;
    }
}
