using System.Security.Claims;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Accounts.Theme;

/// <summary>
/// The person's light/dark choice, kept on their account so it follows them to every page load and every device.
/// Read once per request (the page's root passes it down) and written when they choose in the theme menu.
/// </summary>
public sealed class ThemePreferences(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<ThemeChoice> GetAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (IdOf(user) is not { } userId)
        {
            return ThemeChoice.FollowDevice;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.Where(account => account.Id == userId).Select(account => account.ThemeChoice).SingleOrDefaultAsync(cancellationToken);
    }

    public async Task SaveAsync(ClaimsPrincipal user, ThemeChoice choice, CancellationToken cancellationToken = default)
    {
        if (IdOf(user) is not { } userId || !Enum.IsDefined(choice))
        {
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Users.Where(account => account.Id == userId)
            .ExecuteUpdateAsync(set => set.SetProperty(account => account.ThemeChoice, choice), cancellationToken);
    }

    private static string? IdOf(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
}
