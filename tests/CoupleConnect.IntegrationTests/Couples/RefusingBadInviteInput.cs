using CoupleConnect.Domain.Couples;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Couples;

namespace CoupleConnect.IntegrationTests.Couples;

/// <summary>
/// Every wrong way to hold or send an invite: one clear message, nothing changed in the couple tables, no exception.
/// </summary>
public sealed class RefusingBadInviteInput(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly string Unknown = JoinService.UnknownInviteMessage;

    private readonly AppDriver _app = app.Driver;

    public static TheoryData<string> MalformedTokens => new()
    {
        "abc",
        new string('a', 200),
        new string('a', 42),
        new string('a', 44),
        "../../../../etc/passwd",
        "<script>alert(1)</script>" + new string('x', 18), // 43 characters, not base64url
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", // 43 characters with padding
        " " + new string('A', 42),
    };

    public static TheoryData<string, string> MalformedCodes => new()
    {
        { string.Empty, "Please enter the 8-character code from your partner." },
        { "   ", "Please enter the 8-character code from your partner." },
        { "ABC", "An invite code has 8 characters; this one has 3." },
        { "ABCDEFGHJ", "An invite code has 8 characters; this one has 9." },
        { "OOOO0000", "Invite codes use the letters A–Z and digits 2–9 only (no O, I, L, 0 or 1). Check for a typo." },
        { "ABCD<b>E", "Invite codes use the letters A–Z and digits 2–9 only (no O, I, L, 0 or 1). Check for a typo." },
        { "ÀBCDEFGH", "Invite codes use the letters A–Z and digits 2–9 only (no O, I, L, 0 or 1). Check for a typo." },
    };

    [Fact]
    public async Task AnUnknownTokenFindsNothing()
    {
        var alex = await _app.NewPersonAsync("Alex");
        await _app.InviteAsync(alex); // a real invite exists, just not this one
        var sam = await _app.NewPersonAsync("Sam");
        var key = InviteKey.FromToken(InviteSecret.Generate(_app.CodeKey.Value).Token);

        Assert.NotNull(key); // well-formed, so the database is asked and finds nothing
        await AssertRefusedAsync(sam, key, Unknown);
    }

    [Theory]
    [MemberData(nameof(MalformedTokens))]
    public async Task AMalformedTokenIsRefusedBeforeAnyLookup(string token)
    {
        var sam = await _app.NewPersonAsync("Sam");

        var key = InviteKey.FromToken(token);

        Assert.Null(key);
        await AssertRefusedAsync(sam, key, Unknown);
    }

    [Fact]
    public async Task AnUnknownCodeFindsNothing()
    {
        var alex = await _app.NewPersonAsync("Alex");
        var open = await _app.InviteAsync(alex);
        var sam = await _app.NewPersonAsync("Sam");
        var unknownCode = InviteSecret.Generate(_app.CodeKey.Value).Code;
        Assert.NotEqual(open.Code.Replace(" ", string.Empty, StringComparison.Ordinal), unknownCode);

        var key = InviteKey.FromCode(unknownCode, _app.CodeKey, out var problem);

        Assert.Null(problem);
        await AssertRefusedAsync(sam, key, Unknown);
    }

    [Theory]
    [MemberData(nameof(MalformedCodes))]
    public async Task AMalformedCodeGetsASpecificMessage(string typed, string expectedProblem)
    {
        var sam = await _app.NewPersonAsync("Sam");

        var key = InviteKey.FromCode(typed, _app.CodeKey, out var problem);

        Assert.Null(key);
        Assert.Equal(expectedProblem, problem);
        await AssertRefusedAsync(sam, key, Unknown);
    }

    [Fact]
    public async Task AUsedInviteCannotBeUsedAgain()
    {
        var pair = await _app.PairNewAsync();
        var latecomer = await _app.NewPersonAsync("Jordan");

        await AssertRefusedAsync(latecomer, InviteKey.FromToken(pair.Token), CoupleRuleException.MessageFor(CoupleRule.InviteAlreadyUsed));
        await AssertRefusedAsync(latecomer, InviteKey.FromCode(pair.Code, _app.CodeKey, out _), Unknown); // a used code maps to nothing
    }

    [Fact]
    public async Task ARevokedInviteCannotBeUsed()
    {
        var alex = await _app.NewPersonAsync("Alex");
        var invite = await _app.InviteAsync(alex);
        await using (var asAlex = _app.AsUser(alex))
        {
            Assert.True((await asAlex.Invites.RevokeAsync()).Succeeded);
        }

        var sam = await _app.NewPersonAsync("Sam");
        await AssertRefusedAsync(sam, InviteKey.FromToken(PairedCouple.TokenOf(invite)), CoupleRuleException.MessageFor(CoupleRule.InviteRevoked));
        await AssertRefusedAsync(sam, InviteKey.FromCode(invite.Code, _app.CodeKey, out _), Unknown);
    }

    [Fact]
    public async Task NobodyCanJoinTheirOwnInvite()
    {
        var alex = await _app.NewPersonAsync("Alex");
        var invite = await _app.InviteAsync(alex);

        await AssertRefusedAsync(alex, InviteKey.FromToken(PairedCouple.TokenOf(invite)), CoupleRuleException.MessageFor(CoupleRule.OwnInvite));
        await AssertRefusedAsync(alex, InviteKey.FromCode(invite.Code, _app.CodeKey, out _), CoupleRuleException.MessageFor(CoupleRule.OwnInvite));

        await using var asAlex = _app.AsUser(alex);
        PairedCouple.AssertSameInvite(invite, await asAlex.Invites.GetOpenInviteAsync()); // still open for the partner
    }

    [Fact]
    public async Task SomeoneAlreadyPairedCannotJoinAnotherInvite()
    {
        var pair = await _app.PairNewAsync();
        var jordan = await _app.NewPersonAsync("Jordan");
        var invite = await _app.InviteAsync(jordan);

        foreach (var member in new[] { pair.Inviter, pair.Partner })
        {
            await AssertRefusedAsync(member, InviteKey.FromToken(PairedCouple.TokenOf(invite)), CoupleRuleException.MessageFor(CoupleRule.AlreadyPaired));
            await AssertRefusedAsync(member, InviteKey.FromCode(invite.Code, _app.CodeKey, out _), CoupleRuleException.MessageFor(CoupleRule.AlreadyPaired));
        }

        Assert.Equal([pair.CoupleId], await _app.Tables.ActiveCoupleIdsOfAsync(pair.Partner.Id));
        await using var asSomeoneElse = _app.AsUser(await _app.NewPersonAsync("Kai"));
        Assert.True((await asSomeoneElse.Join.PreviewAsync(InviteKey.FromToken(PairedCouple.TokenOf(invite)))).CanJoin); // Jordan's invite is untouched
    }

    [Fact]
    public async Task SomeoneAlreadyPairedCannotCreateAnInvite()
    {
        var pair = await _app.PairNewAsync();
        var before = await _app.Tables.SnapshotAsync();

        await using var asSam = _app.AsUser(pair.Partner);
        var refused = await asSam.Invites.CreateAsync();

        Assert.Equal(CoupleRuleException.MessageFor(CoupleRule.AlreadyPaired), refused.Error);
        Assert.Null(refused.Value);
        Assert.Equal(before, await _app.Tables.SnapshotAsync());
    }

    [Fact]
    public async Task AnInviteWhoseSenderPairedWithSomeoneElseNoLongerWorks()
    {
        var alex = await _app.NewPersonAsync("Alex");
        var sam = await _app.NewPersonAsync("Sam");
        var alexesInvite = await _app.InviteAsync(alex);
        await _app.PairAsync(await _app.NewPersonAsync("Jordan"), alex); // Alex joins Jordan instead

        // Joining someone withdraws your own open invite in the same transaction.
        await AssertRefusedAsync(sam, InviteKey.FromToken(PairedCouple.TokenOf(alexesInvite)), CoupleRuleException.MessageFor(CoupleRule.InviteRevoked));

        // Should an open invite of a paired inviter ever exist (only a race gets there), accepting is still refused.
        var row = Assert.Single(await _app.Tables.InvitesOfAsync(alex.Id));
        Assert.Equal(1, await _app.Tables.ExecuteAsync("UPDATE invites SET revoked_at = NULL WHERE id = @id", ("id", row.Id)));
        var before = await _app.Tables.SnapshotAsync();
        await using var asSam = _app.AsUser(sam);

        var refused = await asSam.Join.AcceptAsync(InviteKey.FromToken(PairedCouple.TokenOf(alexesInvite)));

        Assert.Equal(CoupleRuleException.MessageFor(CoupleRule.InviterAlreadyPaired), refused.Error);
        Assert.Equal(before, await _app.Tables.SnapshotAsync());
        Assert.Null(await asSam.CurrentCouple.GetAsync());
    }

    [Theory]
    [InlineData("not-an-email", "That doesn't look like an email address. Check for a typo, like a missing @ or dot.")]
    [InlineData("sam@example", "That doesn't look like an email address. Check for a typo, like a missing @ or dot.")]
    [InlineData("sam @example.test", "That doesn't look like an email address. Check for a typo, like a missing @ or dot.")]
    [InlineData("", "Please enter an email address.")]
    [InlineData("   ", "Please enter an email address.")]
    public async Task EmailingTheInviteToAnInvalidAddressIsRefused(string address, string expected)
    {
        var alex = await _app.NewPersonAsync("Alex");
        await _app.InviteAsync(alex);
        var before = await _app.Tables.SnapshotAsync();

        await using var asAlex = _app.AsUser(alex);
        var refused = await asAlex.Invites.EmailAsync(address);

        Assert.Equal(expected, refused.Error);
        Assert.Equal(before, await _app.Tables.SnapshotAsync());
        Assert.Empty(_app.MailTo(address.Trim()));
    }

    [Fact]
    public async Task EmailingTheInviteToYourOwnAddressIsRefused()
    {
        var alex = await _app.NewPersonAsync("Alex");
        await _app.InviteAsync(alex);

        await using var asAlex = _app.AsUser(alex);
        var refused = await asAlex.Invites.EmailAsync(" " + alex.Email.ToUpperInvariant() + " ");

        Assert.Equal("That's your own address. Enter your partner's email instead.", refused.Error);
        Assert.Empty(_app.MailTo(alex.Email));
    }

    [Fact]
    public async Task EmailingWithoutAnOpenInviteAsksToCreateOneFirst()
    {
        var alex = await _app.NewPersonAsync("Alex");
        var partner = AppFixture.UniqueEmail("partner");

        await using var asAlex = _app.AsUser(alex);
        var refused = await asAlex.Invites.EmailAsync(partner);

        Assert.Equal("Create an invite first, then send it.", refused.Error);
        Assert.Empty(_app.MailTo(partner));
        Assert.Empty(await _app.Tables.InvitesOfAsync(alex.Id));
    }

    [Fact]
    public async Task TheEleventhCodeEntryWithinAMinuteMustWaitEvenWhenTheCodeIsRight()
    {
        var alex = await _app.NewPersonAsync("Alex");
        var invite = await _app.InviteAsync(alex);
        var guesser = await _app.NewPersonAsync("Guesser");

        await using (var asGuesser = _app.AsUser(guesser))
        {
            for (var attempt = 1; attempt <= 10; attempt++)
            {
                var guess = await asGuesser.Join.PreviewAsync(InviteKey.FromCode(InviteSecret.Generate(_app.CodeKey.Value).Code, _app.CodeKey, out _));
                Assert.Equal(Unknown, guess.Problem);
            }

            var eleventh = await asGuesser.Join.PreviewAsync(InviteKey.FromCode(invite.Code, _app.CodeKey, out _));
            Assert.Equal(new JoinPreview(null, UserActionThrottle.TooManyMessage, NeedsSignIn: false), eleventh);
            Assert.Contains("wait a minute", eleventh.Problem, StringComparison.Ordinal);

            var accept = await asGuesser.Join.AcceptAsync(InviteKey.FromCode(invite.Code, _app.CodeKey, out _));
            Assert.Equal(UserActionThrottle.TooManyMessage, accept.Error);
            Assert.Null(await asGuesser.CurrentCouple.GetAsync());
        }

        // The limit is per person: someone else entering the right code is not held up.
        await using var asSam = _app.AsUser(await _app.NewPersonAsync("Sam"));
        Assert.True((await asSam.Join.PreviewAsync(InviteKey.FromCode(invite.Code, _app.CodeKey, out _))).CanJoin);
    }

    [Fact]
    public async Task TheEleventhInviteWithinAMinuteMustWait()
    {
        var alex = await _app.NewPersonAsync("Alex");
        await using var asAlex = _app.AsUser(alex);
        for (var attempt = 1; attempt <= 10; attempt++)
        {
            Assert.True((await asAlex.Invites.CreateAsync()).Succeeded);
        }

        var before = await _app.Tables.SnapshotAsync();
        var eleventh = await asAlex.Invites.CreateAsync();

        Assert.Equal(UserActionThrottle.TooManyMessage, eleventh.Error);
        Assert.Equal(before, await _app.Tables.SnapshotAsync());
        Assert.Equal(10, (await _app.Tables.InvitesOfAsync(alex.Id)).Count);
    }

    /// <summary>Preview and accept both refuse with <paramref name="expected"/>, show no inviter name, and change nothing.</summary>
    private async Task AssertRefusedAsync(TestPerson person, InviteKey? key, string expected)
    {
        var before = await _app.Tables.SnapshotAsync();
        var coupleBefore = await _app.Tables.ActiveCoupleIdsOfAsync(person.Id);
        await using var scope = _app.AsUser(person);

        var preview = await scope.Join.PreviewAsync(key);
        Assert.Equal(new JoinPreview(null, expected, NeedsSignIn: false), preview);
        Assert.False(preview.CanJoin);

        var accepted = await scope.Join.AcceptAsync(key);
        Assert.False(accepted.Succeeded);
        Assert.Equal(expected, accepted.Error);
        Assert.Null(accepted.Value);

        Assert.Equal(before, await _app.Tables.SnapshotAsync());
        Assert.Equal(coupleBefore, await _app.Tables.ActiveCoupleIdsOfAsync(person.Id));
    }
}
