using CoupleConnect.Web.Features.Couples;
using Microsoft.Extensions.DependencyInjection;

namespace CoupleConnect.Tests.Shared;

/// <summary>A couple the tests paired: <see cref="InviterId"/> invited, <see cref="PartnerId"/> accepted <see cref="Invite"/>.</summary>
public sealed record TestCouple(string InviterId, string PartnerId, InviteView Invite, Guid CoupleId);

/// <summary>
/// Couples for tests that start paired, made the way the app makes every couple: one person's invite, accepted by the
/// other through the app's own services, each in a scope signed in as them. Pairing itself is tested through its pages.
/// </summary>
public static class TestCouples
{
    /// <summary>The token at the end of an invite's link.</summary>
    public static string TokenOf(InviteView invite) => invite.Link[(invite.Link.LastIndexOf('/') + 1)..];

    /// <summary>An invite by <paramref name="inviterId"/> (named <paramref name="who"/> in failures); fails the test if it can't be made.</summary>
    public static async Task<InviteView> InviteAsync(IServiceProvider services, string inviterId, string who = "The inviter", string baseUri = SignedInScopes.DefaultBaseUri)
    {
        await using var scope = SignedInScopes.Open(services, inviterId, baseUri);
        var created = await scope.ServiceProvider.GetRequiredService<InviteService>().CreateAsync();
        Assert.True(created.Succeeded, $"{who} could not create an invite: {created.Error}");
        return created.Value!;
    }

    /// <summary><paramref name="partnerId"/> accepts <paramref name="invite"/> by its link; fails the test if refused. Returns the couple's id.</summary>
    public static async Task<Guid> AcceptAsync(IServiceProvider services, string partnerId, InviteView invite, string who = "The partner", string baseUri = SignedInScopes.DefaultBaseUri)
    {
        await using var scope = SignedInScopes.Open(services, partnerId, baseUri);
        var accepted = await scope.ServiceProvider.GetRequiredService<JoinService>().AcceptAsync(InviteKey.FromToken(TokenOf(invite)));
        Assert.True(accepted.Succeeded, $"{who} could not accept the invite: {accepted.Error}");
        var couple = await scope.ServiceProvider.GetRequiredService<CurrentCouple>().GetAsync();
        Assert.NotNull(couple);
        return couple.CoupleId;
    }

    /// <summary>Two existing accounts paired: <paramref name="inviterId"/> invites, <paramref name="partnerId"/> accepts.</summary>
    public static async Task<TestCouple> PairAsync(
        IServiceProvider services,
        string inviterId,
        string partnerId,
        string inviterName = "The inviter",
        string partnerName = "The partner",
        string baseUri = SignedInScopes.DefaultBaseUri)
    {
        var invite = await InviteAsync(services, inviterId, inviterName, baseUri);
        var coupleId = await AcceptAsync(services, partnerId, invite, partnerName, baseUri);
        return new TestCouple(inviterId, partnerId, invite, coupleId);
    }
}
