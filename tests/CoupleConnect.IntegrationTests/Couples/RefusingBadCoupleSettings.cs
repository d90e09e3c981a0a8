using CoupleConnect.Domain.Couples;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Couples;

namespace CoupleConnect.IntegrationTests.Couples;

/// <summary>The couple settings form's bad inputs: a clear message, the stored settings untouched, no exception.</summary>
public sealed class RefusingBadCoupleSettings(AppFixture app) : IClassFixture<AppFixture>
{
    private const string NameTooLong500 = "Please keep the couple name to 60 characters or fewer (this one has 500).";

    private readonly AppDriver _app = app.Driver;

    public static TheoryData<string, string> BadNames => new()
    {
        { new string('x', 500), NameTooLong500 },
        { new string('x', 61), "Please keep the couple name to 60 characters or fewer (this one has 61)." },
        { "<b>x</b>", "A couple name can't contain < or >." },
        { "<script>alert('hi')</script>", "A couple name can't contain < or >." },
        { string.Empty, "Please give your couple a name, such as \"Alex & Sam\"." },
        { "   ", "Please give your couple a name, such as \"Alex & Sam\"." },
        { "Alex\n& Sam", "A couple name can't contain line breaks, control or invisible characters." },
        { "Alex\u2028Sam", "A couple name can't contain line breaks, control or invisible characters." },
    };

    [Theory]
    [MemberData(nameof(BadNames))]
    public async Task ABadCoupleNameIsRefusedAndTheNameStaysAsItWas(string name, string expected)
    {
        var pair = await _app.PairNewAsync();
        var before = await _app.Tables.SnapshotAsync();

        await using var asSam = _app.AsUser(pair.Partner);
        var refused = await asSam.Settings.SaveAsync(new CoupleSettingsInput { Name = name, HomeTimeZoneId = "Europe/Lisbon" });

        Assert.Equal(expected, refused.Error);
        Assert.Equal(before, await _app.Tables.SnapshotAsync());
        Assert.Equal("Alex & Sam", (await _app.Tables.CoupleAsync(pair.CoupleId))?.Name);
        Assert.Equal("Alex & Sam", (await asSam.Settings.GetAsync())?.Name);
    }

    [Fact]
    public async Task AnAnniversaryInTheFutureIsRefused()
    {
        var pair = await _app.PairNewAsync();
        var before = await _app.Tables.SnapshotAsync();
        // Two days ahead of UTC is tomorrow or later in every time zone on Earth.
        var future = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2);

        await using var asAlex = _app.AsUser(pair.Inviter);
        var refused = await asAlex.Settings.SaveAsync(new CoupleSettingsInput { Name = "Us", HomeTimeZoneId = "Europe/Berlin", Anniversary = future });

        Assert.Equal(CoupleRuleException.MessageFor(CoupleRule.AnniversaryInFuture), refused.Error);
        Assert.Equal(before, await _app.Tables.SnapshotAsync());
        var couple = await _app.Tables.CoupleAsync(pair.CoupleId);
        Assert.Equal(("Alex & Sam", (DateOnly?)null), (couple?.Name, couple?.Anniversary));
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    [InlineData("<b>UTC</b>")]
    public async Task AnUnknownHomeTimeZoneIsRefused(string zone)
    {
        var pair = await _app.PairNewAsync();
        var before = await _app.Tables.SnapshotAsync();

        await using var asAlex = _app.AsUser(pair.Inviter);
        var refused = await asAlex.Settings.SaveAsync(new CoupleSettingsInput { Name = "Us", HomeTimeZoneId = zone });

        Assert.Equal("We don't know that time zone. Please pick one from the list.", refused.Error);
        Assert.Equal(before, await _app.Tables.SnapshotAsync());
    }

    [Fact]
    public async Task GoodSettingsAreSavedForBothPartners()
    {
        var pair = await _app.PairNewAsync();
        var anniversary = new DateOnly(2019, 6, 21);

        await using (var asSam = _app.AsUser(pair.Partner))
        {
            var saved = await asSam.Settings.SaveAsync(new CoupleSettingsInput { Name = "  Zoë & Łukasz ❤️  ", HomeTimeZoneId = "Pacific/Auckland", Anniversary = anniversary });
            Assert.True(saved.Succeeded, saved.Error);
        }

        var couple = await _app.Tables.CoupleAsync(pair.CoupleId);
        Assert.Equal(("Zoë & Łukasz ❤️", "Pacific/Auckland", (DateOnly?)anniversary), (couple?.Name, couple?.HomeTimeZoneId, couple?.Anniversary));
        await using var asAlex = _app.AsUser(pair.Inviter);
        var seenByAlex = await asAlex.Settings.GetAsync();
        Assert.Equal(("Zoë & Łukasz ❤️", "Pacific/Auckland", (DateOnly?)anniversary, "Sam"), (seenByAlex?.Name, seenByAlex?.HomeTimeZoneId, seenByAlex?.Anniversary, seenByAlex?.PartnerName));
    }

    [Fact]
    public async Task SomeoneWithoutACoupleHasNoSettingsToChange()
    {
        var pair = await _app.PairNewAsync();
        var loner = await _app.NewPersonAsync("Kai");
        var before = await _app.Tables.SnapshotAsync();

        await using var asLoner = _app.AsUser(loner);
        Assert.Null(await asLoner.Settings.GetAsync());
        var saved = await asLoner.Settings.SaveAsync(new CoupleSettingsInput { Name = "Taken over", HomeTimeZoneId = "Europe/Berlin" });
        var left = await asLoner.Settings.LeaveAsync("leave");

        Assert.Equal("You're not in a couple right now, so there are no couple settings to change.", saved.Error);
        Assert.Equal("You're not in a couple right now.", left.Error);
        Assert.Equal(before, await _app.Tables.SnapshotAsync());
        Assert.Equal("Alex & Sam", (await _app.Tables.CoupleAsync(pair.CoupleId))?.Name);
    }
}
