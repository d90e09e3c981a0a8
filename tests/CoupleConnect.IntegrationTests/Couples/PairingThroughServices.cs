using System.Text.Json;
using System.Text.RegularExpressions;
using CoupleConnect.Domain.Couples;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Features.Reminders;
using Microsoft.Extensions.DependencyInjection;

namespace CoupleConnect.IntegrationTests.Couples;

/// <summary>Invite → preview → accept → both see the couple → leave → archive, through the services the pages call.</summary>
public sealed partial class PairingThroughServices(AppFixture app) : IClassFixture<AppFixture>
{
    private readonly AppDriver _app = app.Driver;

    [Fact]
    public async Task AlexInvitesSamJoinsAndBothSeeTheCouple()
    {
        var alex = await _app.NewPersonAsync("Alex", "Asia/Tokyo");
        var sam = await _app.NewPersonAsync("Sam", "America/Chicago");

        InviteView invite;
        await using (var asAlex = _app.AsUser(alex))
        {
            var created = await asAlex.Invites.CreateAsync();
            Assert.True(created.Succeeded, created.Error);
            invite = created.Value!;
            Assert.Matches(CodePattern(), invite.Code);
            Assert.Matches(LinkPattern(), invite.Link);
            PairedCouple.AssertSameInvite(invite, await asAlex.Invites.GetOpenInviteAsync()); // the inviter can see their code and link again
        }

        var token = PairedCouple.TokenOf(invite);
        var compactCode = invite.Code.Replace(" ", string.Empty, StringComparison.Ordinal);

        // A database dump shows hashes and ciphertext, never the token or code that would let someone join.
        var stored = Assert.Single(await _app.Tables.InvitesOfAsync(alex.Id));
        Assert.Matches(HexHashPattern(), stored.TokenHash);
        Assert.Matches(HexHashPattern(), stored.CodeHash);
        Assert.Equal(InviteSecret.HashToken(token), stored.TokenHash);
        Assert.Equal(InviteSecret.HashCode(compactCode, _app.CodeKey.Value), stored.CodeHash);
        Assert.StartsWith("enc:v3:", stored.ProtectedToken, StringComparison.Ordinal);
        Assert.StartsWith("enc:v3:", stored.ProtectedCode, StringComparison.Ordinal);
        Assert.DoesNotContain(token, stored.RowAsJson, StringComparison.Ordinal);
        Assert.DoesNotContain(compactCode, stored.RowAsJson, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(invite.Code, stored.RowAsJson, StringComparison.OrdinalIgnoreCase);

        await using (var signedOut = _app.SignedOut())
        {
            var preview = await signedOut.Join.PreviewAsync(InviteKey.FromToken(token));
            Assert.Equal(new JoinPreview("Alex", null, NeedsSignIn: true), preview); // the link leads through sign-in first
        }

        await using (var asSam = _app.AsUser(sam))
        {
            var byLink = await asSam.Join.PreviewAsync(InviteKey.FromToken(token));
            Assert.Equal(new JoinPreview("Alex", null, NeedsSignIn: false), byLink);
            Assert.True(byLink.CanJoin);

            // People type codes in any case, with or without the space or a dash.
            var typed = $"{compactCode[..4].ToLowerInvariant()}-{compactCode[4..]}";
            var byCode = await asSam.Join.PreviewAsync(InviteKey.FromCode(typed, _app.CodeKey, out var codeProblem));
            Assert.Null(codeProblem);
            Assert.Equal(byLink, byCode);

            var accepted = await asSam.Join.AcceptAsync(InviteKey.FromToken(token));
            Assert.True(accepted.Succeeded, accepted.Error);
            Assert.Equal("Alex", accepted.Value);
        }

        await using var alexNow = _app.AsUser(alex);
        await using var samNow = _app.AsUser(sam);
        var alexScope = await alexNow.CurrentCouple.GetAsync();
        var samScope = await samNow.CurrentCouple.GetAsync();
        Assert.NotNull(alexScope);
        Assert.NotNull(samScope);
        Assert.Equal(alexScope.CoupleId, samScope.CoupleId);
        Assert.Equal((alex.Id, sam.Id), (alexScope.UserId, alexScope.PartnerId));
        Assert.Equal((sam.Id, alex.Id), (samScope.UserId, samScope.PartnerId));

        var couple = await _app.Tables.CoupleAsync(alexScope.CoupleId);
        Assert.NotNull(couple);
        Assert.Equal("Alex & Sam", couple.Name);
        Assert.Equal("Asia/Tokyo", couple.HomeTimeZoneId); // the inviter's zone defines the couple's "today"
        Assert.Null(couple.EndedAt);
        Assert.Equal(new[] { alex.Id, sam.Id }.Order(StringComparer.Ordinal), (await _app.Tables.MemberIdsAsync(couple.Id)).Order(StringComparer.Ordinal));

        var alexHome = await alexNow.Home.GetAsync();
        var samHome = await samNow.Home.GetAsync();
        Assert.Equal(("Alex & Sam", "Sam"), (alexHome?.Couple?.Name, alexHome?.Couple?.PartnerName));
        Assert.Equal(("Alex & Sam", "Alex"), (samHome?.Couple?.Name, samHome?.Couple?.PartnerName));
        Assert.Null(alexHome!.Archive);
        var samSettings = await samNow.Settings.GetAsync();
        Assert.Equal(("Alex & Sam", "Asia/Tokyo", "Alex"), (samSettings?.Name, samSettings?.HomeTimeZoneId, samSettings?.PartnerName));

        var joinedEmail = Assert.Single(_app.MailTo(alex.Email));
        Assert.Equal("Sam joined you on CoupleConnect", joinedEmail.Subject);
        Assert.Contains("Sam accepted your invite", joinedEmail.TextBody, StringComparison.Ordinal);

        var storedAfter = Assert.Single(await _app.Tables.InvitesOfAsync(alex.Id));
        Assert.NotNull(storedAfter.AcceptedAt);
        Assert.Equal(sam.Id, storedAfter.AcceptedById);
        Assert.Null(await alexNow.Invites.GetOpenInviteAsync());

        // The used link now says only that it was used: no inviter name, for Sam, a third person or a signed-out visitor.
        var third = await _app.NewPersonAsync("Jordan");
        await using var asThird = _app.AsUser(third);
        await using var signedOutLater = _app.SignedOut();
        foreach (var viewer in new[] { samNow, asThird, signedOutLater })
        {
            var used = await viewer.Join.PreviewAsync(InviteKey.FromToken(token));
            Assert.Equal(new JoinPreview(null, CoupleRuleException.MessageFor(CoupleRule.InviteAlreadyUsed), NeedsSignIn: false), used);
            Assert.Contains("already been used", used.Problem, StringComparison.Ordinal);
        }

        var byUsedCode = await asThird.Join.PreviewAsync(InviteKey.FromCode(compactCode, _app.CodeKey, out _));
        Assert.Null(byUsedCode.InviterName);
        Assert.False(byUsedCode.CanJoin);
    }

    [Fact]
    public async Task JoiningWithTheCodeWorksLikeOpeningTheLink()
    {
        var kim = await _app.NewPersonAsync("Kim", "Europe/Madrid");
        var lee = await _app.NewPersonAsync("Lee", "Asia/Seoul");
        var invite = await _app.InviteAsync(kim);

        await using (var asLee = _app.AsUser(lee))
        {
            var accepted = await asLee.Join.AcceptAsync(InviteKey.FromCode($"  {invite.Code.ToLowerInvariant()} ", _app.CodeKey, out var problem));
            Assert.Null(problem);
            Assert.True(accepted.Succeeded, accepted.Error);
            Assert.Equal("Kim", accepted.Value);
        }

        var coupleIds = await _app.Tables.ActiveCoupleIdsOfAsync(lee.Id);
        Assert.Equal(coupleIds, await _app.Tables.ActiveCoupleIdsOfAsync(kim.Id));
        var couple = await _app.Tables.CoupleAsync(Assert.Single(coupleIds));
        Assert.Equal(("Kim & Lee", "Europe/Madrid"), (couple?.Name, couple?.HomeTimeZoneId));
        Assert.Equal("Lee joined you on CoupleConnect", Assert.Single(_app.MailTo(kim.Email)).Subject);
    }

    [Fact]
    public async Task ASecondInviteWithdrawsTheFirst()
    {
        var alex = await _app.NewPersonAsync("Alex");
        var sam = await _app.NewPersonAsync("Sam");
        var first = await _app.InviteAsync(alex);
        var second = await _app.InviteAsync(alex);
        Assert.NotEqual(first.Link, second.Link);
        Assert.NotEqual(first.Code, second.Code);

        var rows = await _app.Tables.InvitesOfAsync(alex.Id);
        Assert.Equal(2, rows.Count);
        Assert.NotNull(rows[0].RevokedAt);
        Assert.Null(rows[1].RevokedAt);

        await using (var asAlex = _app.AsUser(alex))
        {
            PairedCouple.AssertSameInvite(second, await asAlex.Invites.GetOpenInviteAsync());
        }

        await using (var asSam = _app.AsUser(sam))
        {
            var withdrawn = await asSam.Join.PreviewAsync(InviteKey.FromToken(PairedCouple.TokenOf(first)));
            Assert.Equal(new JoinPreview(null, CoupleRuleException.MessageFor(CoupleRule.InviteRevoked), NeedsSignIn: false), withdrawn);
            Assert.Contains("withdrawn", withdrawn.Problem, StringComparison.Ordinal);
            var refused = await asSam.Join.AcceptAsync(InviteKey.FromToken(PairedCouple.TokenOf(first)));
            Assert.Equal(CoupleRuleException.MessageFor(CoupleRule.InviteRevoked), refused.Error);
            Assert.Null(await asSam.CurrentCouple.GetAsync());

            // The first code no longer finds anything; the second invite still works.
            Assert.Equal(JoinService.UnknownInviteMessage, (await asSam.Join.PreviewAsync(InviteKey.FromCode(first.Code, _app.CodeKey, out _))).Problem);
            Assert.True((await asSam.Join.PreviewAsync(InviteKey.FromToken(PairedCouple.TokenOf(second)))).CanJoin);
        }
    }

    [Fact]
    public async Task RevokingWithdrawsTheOpenInvite()
    {
        var alex = await _app.NewPersonAsync("Alex");
        var sam = await _app.NewPersonAsync("Sam");
        var invite = await _app.InviteAsync(alex);

        await using (var asAlex = _app.AsUser(alex))
        {
            Assert.True((await asAlex.Invites.RevokeAsync()).Succeeded);
            Assert.Null(await asAlex.Invites.GetOpenInviteAsync());
            Assert.Equal("You have no open invite to withdraw.", (await asAlex.Invites.RevokeAsync()).Error);
        }

        Assert.NotNull(Assert.Single(await _app.Tables.InvitesOfAsync(alex.Id)).RevokedAt);
        await using var asSam = _app.AsUser(sam);
        var preview = await asSam.Join.PreviewAsync(InviteKey.FromToken(PairedCouple.TokenOf(invite)));
        Assert.Equal(new JoinPreview(null, CoupleRuleException.MessageFor(CoupleRule.InviteRevoked), NeedsSignIn: false), preview);
        Assert.False((await asSam.Join.AcceptAsync(InviteKey.FromToken(PairedCouple.TokenOf(invite)))).Succeeded);
        Assert.Empty(await _app.Tables.ActiveCoupleIdsOfAsync(alex.Id));
    }

    [Fact]
    public async Task EmailingTheInviteSendsTheLinkAndCodeToThePartner()
    {
        var alex = await _app.NewPersonAsync("Alex");
        var partnerAddress = AppFixture.UniqueEmail("partner");
        var invite = await _app.InviteAsync(alex);

        await using (var asAlex = _app.AsUser(alex))
        {
            var sent = await asAlex.Invites.EmailAsync($"  {partnerAddress} ");
            Assert.True(sent.Succeeded, sent.Error);
        }

        var email = Assert.Single(_app.MailTo(partnerAddress));
        Assert.Equal("Alex invites you to CoupleConnect", email.Subject);
        Assert.Contains(invite.Link, email.TextBody, StringComparison.Ordinal);
        Assert.Contains(invite.Code, email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LeavingNeedsTheWordThenEndsTheCoupleForBothAndKeepsAnArchiveForEach()
    {
        var pair = await _app.PairNewAsync("Alex", "Sam");
        var (alex, sam) = (pair.Inviter, pair.Partner);
        var stranger = await _app.PairNewAsync("Robin", "Noor");
        var before = await _app.Tables.SnapshotAsync();

        await using (var asAlex = _app.AsUser(alex))
        {
            foreach (var typed in new[] { "leav", "", "   ", "yes", "leave now" })
            {
                var refused = await asAlex.Settings.LeaveAsync(typed);
                Assert.Equal("To confirm, type the word \"leave\".", refused.Error);
            }

            Assert.Equal(before, await _app.Tables.SnapshotAsync());
            Assert.NotNull(await asAlex.CurrentCouple.GetAsync());

            var left = await asAlex.Settings.LeaveAsync(" Leave ");
            Assert.True(left.Succeeded, left.Error);
            Assert.Null(await asAlex.CurrentCouple.GetAsync());
            Assert.Equal("You're not in a couple right now.", (await asAlex.Settings.LeaveAsync("leave")).Error);
        }

        var ended = await _app.Tables.CoupleAsync(pair.CoupleId);
        Assert.NotNull(ended?.EndedAt);
        Assert.Equal(0, await _app.Tables.ActiveMembershipCountAsync(alex.Id));
        Assert.Equal(0, await _app.Tables.ActiveMembershipCountAsync(sam.Id));
        Assert.Empty(_app.MailTo(sam.Email)); // the notice goes through the reminder outbox, with the next send
        await _app.Services.GetRequiredService<ReminderSender>().SendDueAsync();
        Assert.Equal("Alex has ended your couple on CoupleConnect", Assert.Single(_app.MailTo(sam.Email)).Subject);

        await using (var asSam = _app.AsUser(sam))
        {
            Assert.Null(await asSam.CurrentCouple.GetAsync());
            Assert.Null(await asSam.Settings.GetAsync());
            var home = await asSam.Home.GetAsync();
            Assert.Null(home?.Couple);
            Assert.Equal(("Alex & Sam", "Alex"), (home?.Archive?.Name, home?.Archive?.FormerPartnerName));
            var rename = await asSam.Settings.SaveAsync(new CoupleSettingsInput { Name = "Still us", HomeTimeZoneId = "Europe/Berlin" });
            Assert.False(rename.Succeeded);
            Assert.Equal("Alex & Sam", (await _app.Tables.CoupleAsync(pair.CoupleId))?.Name); // read-only archive
        }

        foreach (var (me, partnerName) in new[] { (alex, "Sam"), (sam, "Alex") })
        {
            await using var scope = _app.AsUser(me);
            var json = await scope.Archive.ExportAsync(me.Id);
            Assert.NotNull(json);
            using var document = JsonDocument.Parse(json);
            var couple = document.RootElement.GetProperty("couple");
            Assert.Equal("Alex & Sam", couple.GetProperty("name").GetString());
            var partners = couple.GetProperty("partners").EnumerateArray()
                .Select(partner => (partner.GetProperty("displayName").GetString(), partner.GetProperty("isYou").GetBoolean()))
                .ToList();
            Assert.Equal(2, partners.Count);
            Assert.Contains((partnerName, false), partners);
            Assert.Contains((me.DisplayName, true), partners);
        }

        var unpaired = await _app.NewPersonAsync("Kai");
        foreach (var outsider in new[] { unpaired, stranger.Inviter, stranger.Partner })
        {
            await using var scope = _app.AsUser(outsider);
            Assert.Null(await scope.Archive.ExportAsync(outsider.Id));
            Assert.Null((await scope.Home.GetAsync())?.Archive);
        }

        // Either may pair again, with new people and new invites, while the archive stays theirs.
        var newForAlex = await _app.PairAsync(alex, await _app.NewPersonAsync("Jordan"));
        var newForSam = await _app.PairAsync(await _app.NewPersonAsync("Quinn"), sam);
        Assert.Equal([newForAlex.CoupleId], await _app.Tables.ActiveCoupleIdsOfAsync(alex.Id));
        Assert.Equal([newForSam.CoupleId], await _app.Tables.ActiveCoupleIdsOfAsync(sam.Id));
        await using (var asAlex = _app.AsUser(alex))
        {
            Assert.Equal("Jordan", (await asAlex.Home.GetAsync())?.Couple?.PartnerName);
            Assert.NotNull(await asAlex.Archive.ExportAsync(alex.Id));
        }
    }

    [GeneratedRegex("^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4} [23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^http://localhost/join/[A-Za-z0-9_-]{43}$")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex HexHashPattern();
}
