using CoupleConnect.Domain.Couples;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoupleConnect.IntegrationTests.Couples;

/// <summary>
/// An invite still open when a couple ends (only a race at pairing can leave one: made as its inviter was joining
/// someone) stops working with the couple, instead of coming back to life once its inviter is free again.
/// </summary>
public sealed class InvitesDieWithTheCouple(AppFixture app) : IClassFixture<AppFixture>
{
    private AppDriver Driver => app.Driver;

    [Fact]
    public async Task AnInviteLeftOpenDuringTheCoupleIsWithdrawnWhenItEnds()
    {
        var couple = await Driver.PairNewAsync();
        var leftOpen = await OpenInviteMadeWhilePairedAsync(couple.Inviter);
        var stranger = await Driver.NewPersonAsync("Quinn");

        await Driver.LeaveAsync(couple.Partner);

        var withdrawn = CoupleRuleException.MessageFor(CoupleRule.InviteRevoked);
        await using (var asStranger = Driver.AsUser(stranger))
        {
            Assert.Equal(new JoinPreview(null, withdrawn, NeedsSignIn: false), await asStranger.Join.PreviewAsync(InviteKey.FromToken(leftOpen.Token)));
            Assert.Equal(withdrawn, (await asStranger.Join.AcceptAsync(InviteKey.FromToken(leftOpen.Token))).Error);
            Assert.Null(await asStranger.CurrentCouple.GetAsync());
        }

        await using var asInviter = Driver.AsUser(couple.Inviter);
        Assert.Null(await asInviter.Invites.GetOpenInviteAsync());
    }

    /// <summary>The state the race at pairing leaves: an open invite of someone who is in a couple.</summary>
    private async Task<InviteSecret> OpenInviteMadeWhilePairedAsync(TestPerson inviter)
    {
        var secret = InviteSecret.Generate(Driver.CodeKey.Value);
        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        db.Invites.Add(Invite.Issue(inviter.Id, secret, [], DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        return secret;
    }
}
