using CoupleConnect.Web.Features.Accounts.SensitiveChanges;

namespace CoupleConnect.Web.Components.Account;

/// <summary>The check on each sensitive account page: recent proof, or off to "Confirm it's you" first (docs/adr/0018).</summary>
internal static class ProofGate
{
    /// <summary>
    /// True when the person proved it's them within the last five minutes. Otherwise a GET is redirected to the
    /// re-authentication page (which comes back to <paramref name="returnPath"/>); a POST is left to its handler, which
    /// calls <see cref="SendToProof"/>: Blazor answers 400 to a post whose form was never rendered.
    /// </summary>
    public static async Task<bool> HasRecentProofAsync(this IdentityRedirectManager redirectManager, RecentProof recentProof, HttpContext context, string returnPath)
    {
        if (await recentProof.IsFreshAsync(context.User, context.RequestAborted))
        {
            return true;
        }

        if (HttpMethods.IsGet(context.Request.Method))
        {
            redirectManager.SendToProof(returnPath);
        }

        return false;
    }

    public static void SendToProof(this IdentityRedirectManager redirectManager, string returnPath) =>
        redirectManager.RedirectTo(RecentProof.PageFor(returnPath));
}
