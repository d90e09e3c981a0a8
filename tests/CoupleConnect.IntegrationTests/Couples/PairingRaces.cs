using CoupleConnect.Domain.Couples;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Couples;
using Npgsql;
using Xunit.Abstractions;

namespace CoupleConnect.IntegrationTests.Couples;

/// <summary>
/// Two accepts released at the same instant, each in its own scope (two phones), against real PostgreSQL: the
/// database's unique indexes and the invite's xmin decide, and the loser gets a clear message instead of an error.
/// </summary>
public sealed class PairingRaces(AppFixture app, ITestOutputHelper output) : IClassFixture<AppFixture>
{
    private const int Rounds = 20;

    private static readonly string InviteAlreadyUsed = CoupleRuleException.MessageFor(CoupleRule.InviteAlreadyUsed);
    private static readonly string InviterAlreadyPaired = CoupleRuleException.MessageFor(CoupleRule.InviterAlreadyPaired);
    private static readonly string AlreadyPaired = CoupleRuleException.MessageFor(CoupleRule.AlreadyPaired);

    private readonly AppDriver _app = app.Driver;

    [Fact]
    public async Task TwoPeopleAcceptingTheSameInviteAtOnceMakeExactlyOneCouple()
    {
        var losersMessages = new List<string>();
        for (var round = 1; round <= Rounds; round++)
        {
            var inviter = await _app.NewPersonAsync($"Alex {round}");
            var invite = await _app.InviteAsync(inviter);
            var first = await _app.NewPersonAsync($"Sam {round}");
            var second = await _app.NewPersonAsync($"Kim {round}");
            var key = InviteKey.FromToken(PairedCouple.TokenOf(invite));
            await using var asFirst = _app.AsUser(first);
            await using var asSecond = _app.AsUser(second);
            var (firstJoin, secondJoin) = (asFirst.Join, asSecond.Join);

            var (firstResult, secondResult) = await AtTheSameMomentAsync(() => firstJoin.AcceptAsync(key), () => secondJoin.AcceptAsync(key));

            Assert.True(firstResult.Succeeded ^ secondResult.Succeeded, $"Round {round}: expected exactly one success, got [{firstResult.Error ?? "ok"}] and [{secondResult.Error ?? "ok"}].");
            var (winner, loser, lost) = firstResult.Succeeded ? (first, second, secondResult) : (second, first, firstResult);
            Assert.Contains(lost.Error, new[] { InviteAlreadyUsed, InviterAlreadyPaired });
            losersMessages.Add(lost.Error!);

            var coupleId = Assert.Single(await _app.Tables.ActiveCoupleIdsOfAsync(inviter.Id));
            Assert.Equal(new[] { inviter.Id, winner.Id }.Order(StringComparer.Ordinal), (await _app.Tables.MemberIdsAsync(coupleId)).Order(StringComparer.Ordinal));
            Assert.Equal(1, await _app.Tables.ActiveMembershipCountAsync(inviter.Id));
            Assert.Equal(1, await _app.Tables.ActiveMembershipCountAsync(winner.Id));
            Assert.Equal(0, await _app.Tables.CouplesWithMemberCountAsync(loser.Id)); // no half-made couple left behind
            Assert.Equal(1, await _app.Tables.CouplesWithMemberCountAsync(inviter.Id));
            Assert.Equal(winner.Id, Assert.Single(await _app.Tables.InvitesOfAsync(inviter.Id)).AcceptedById);
            Assert.Single(_app.MailTo(inviter.Email)); // one "joined you" email, from the winner only
            await using var loserNow = _app.AsUser(loser);
            Assert.Null(await loserNow.CurrentCouple.GetAsync());
        }

        output.WriteLine($"Losers were told: {string.Join("; ", losersMessages.CountBy(message => message).Select(pair => $"{pair.Value}× \"{pair.Key}\""))}");
    }

    [Fact]
    public async Task OnePersonAcceptingTwoInvitesAtOnceEndsUpInExactlyOneCouple()
    {
        for (var round = 1; round <= Rounds; round++)
        {
            var alex = await _app.NewPersonAsync($"Alex {round}");
            var robin = await _app.NewPersonAsync($"Robin {round}");
            var alexesInvite = await _app.InviteAsync(alex);
            var robinsInvite = await _app.InviteAsync(robin);
            var sam = await _app.NewPersonAsync($"Sam {round}");
            var alexesKey = InviteKey.FromToken(PairedCouple.TokenOf(alexesInvite));
            var robinsKey = InviteKey.FromToken(PairedCouple.TokenOf(robinsInvite));
            await using var samOnPhone = _app.AsUser(sam);
            await using var samOnLaptop = _app.AsUser(sam);
            var (phone, laptop) = (samOnPhone.Join, samOnLaptop.Join);

            var (toAlex, toRobin) = await AtTheSameMomentAsync(() => phone.AcceptAsync(alexesKey), () => laptop.AcceptAsync(robinsKey));

            Assert.True(toAlex.Succeeded ^ toRobin.Succeeded, $"Round {round}: expected exactly one success, got [{toAlex.Error ?? "ok"}] and [{toRobin.Error ?? "ok"}].");
            var (partner, jilted, lost) = toAlex.Succeeded ? (alex, robin, toRobin) : (robin, alex, toAlex);
            Assert.Equal(AlreadyPaired, lost.Error);

            Assert.Equal(1, await _app.Tables.ActiveMembershipCountAsync(sam.Id));
            Assert.Equal(1, await _app.Tables.CouplesWithMemberCountAsync(sam.Id));
            var coupleId = Assert.Single(await _app.Tables.ActiveCoupleIdsOfAsync(sam.Id));
            Assert.Equal([coupleId], await _app.Tables.ActiveCoupleIdsOfAsync(partner.Id));
            Assert.Equal(0, await _app.Tables.CouplesWithMemberCountAsync(jilted.Id));

            // The other invite was not consumed: it is still open for someone else.
            var jiltedInvite = Assert.Single(await _app.Tables.InvitesOfAsync(jilted.Id));
            Assert.Null(jiltedInvite.AcceptedAt);
            Assert.Null(jiltedInvite.RevokedAt);
        }
    }

    [Fact]
    public async Task TheDatabaseItselfRefusesASecondActiveMembership()
    {
        var pair = await _app.PairNewAsync();
        var otherCouple = Guid.NewGuid();
        await _app.Tables.ExecuteAsync(
            "INSERT INTO couples (id, name, home_time_zone_id, created_at) VALUES (@id, 'Sneaky', 'UTC', now())",
            ("id", otherCouple));

        var refused = await Assert.ThrowsAsync<PostgresException>(() => _app.Tables.ExecuteAsync(
            "INSERT INTO couple_members (couple_id, user_id, joined_at) VALUES (@couple, @user, now())",
            ("couple", otherCouple),
            ("user", pair.Partner.Id)));

        Assert.Equal(PostgresErrorCodes.UniqueViolation, refused.SqlState);
        Assert.Equal(CoupleMemberConfiguration.OneActiveMembershipIndex, refused.ConstraintName);
        Assert.Equal(1, await _app.Tables.ActiveMembershipCountAsync(pair.Partner.Id));

        // The index is partial: past memberships (left_at set) are history and may be many.
        Assert.Equal(1, await _app.Tables.ExecuteAsync(
            "INSERT INTO couple_members (couple_id, user_id, joined_at, left_at) VALUES (@couple, @user, now(), now())",
            ("couple", otherCouple),
            ("user", pair.Partner.Id)));
        Assert.Equal(1, await _app.Tables.ActiveMembershipCountAsync(pair.Partner.Id));
    }

    [Fact]
    public async Task TheDatabaseItselfRefusesASecondOpenInviteOfOnePerson()
    {
        var alex = await _app.NewPersonAsync("Alex");
        await _app.InviteAsync(alex);
        var secret = InviteSecret.Generate(_app.CodeKey.Value);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => _app.Tables.ExecuteAsync(
            """
            INSERT INTO invites (id, inviter_id, token_hash, code_hash, protected_token, protected_code, created_at, expires_at)
            VALUES (@id, @inviter, @tokenHash, @codeHash, 'x', 'x', now(), now() + interval '72 hours')
            """,
            ("id", Guid.NewGuid()),
            ("inviter", alex.Id),
            ("tokenHash", secret.TokenHash),
            ("codeHash", secret.CodeHash)));

        Assert.Equal(PostgresErrorCodes.UniqueViolation, refused.SqlState);
        Assert.Equal(InviteConfiguration.OneOpenInviteIndex, refused.ConstraintName);
        Assert.Single(await _app.Tables.InvitesOfAsync(alex.Id));
    }

    /// <summary>
    /// Starts both calls on their own thread-pool threads, holds them at a gate until both are ready, then releases
    /// them together, so both read the same state before either writes.
    /// </summary>
    private static async Task<(T First, T Second)> AtTheSameMomentAsync<T>(Func<Task<T>> first, Func<Task<T>> second)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var ready = new CountdownEvent(2);
        Task<T> Start(Func<Task<T>> call) => Task.Run(async () =>
        {
            ready.Signal();
            await gate.Task;
            return await call();
        });

        var firstTask = Start(first);
        var secondTask = Start(second);
        await Task.Run(() => ready.Wait(TimeSpan.FromSeconds(30)));
        gate.SetResult();
        var results = await Task.WhenAll(firstTask, secondTask);
        return (results[0], results[1]);
    }
}
