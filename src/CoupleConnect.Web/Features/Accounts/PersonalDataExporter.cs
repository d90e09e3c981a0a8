using System.Text.Json;
using Microsoft.AspNetCore.Identity;

namespace CoupleConnect.Web.Features.Accounts;

/// <summary>A feature's share of "download my data": a name and a JSON-serialisable object.</summary>
public interface IPersonalDataSource
{
    string Section { get; }

    Task<object?> ExportAsync(ApplicationUser user, CancellationToken cancellationToken);
}

/// <summary>Gathers every feature's <see cref="IPersonalDataSource"/> into one JSON document.</summary>
public sealed class PersonalDataExporter(UserManager<ApplicationUser> userManager, IEnumerable<IPersonalDataSource> sources, TimeProvider timeProvider)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<byte[]> ExportAsync(ApplicationUser user, CancellationToken cancellationToken = default)
    {
        var document = new Dictionary<string, object?>
        {
            ["exportedAt"] = timeProvider.GetUtcNow(),
            ["account"] = new
            {
                user.Email,
                user.EmailConfirmed,
                user.DisplayName,
                user.TimeZoneId,
                user.CreatedAt,
                TwoFactorEnabled = await userManager.GetTwoFactorEnabledAsync(user),
                Passkeys = (await userManager.GetPasskeysAsync(user)).Select(passkey => new { passkey.Name, passkey.CreatedAt }),
                ExternalLogins = (await userManager.GetLoginsAsync(user)).Select(login => login.LoginProvider),
            },
        };

        foreach (var source in sources)
        {
            document[source.Section] = await source.ExportAsync(user, cancellationToken);
        }

        return JsonSerializer.SerializeToUtf8Bytes(document, JsonOptions);
    }
}
