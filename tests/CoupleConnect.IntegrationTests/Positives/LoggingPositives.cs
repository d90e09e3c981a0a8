using CoupleConnect.Domain.Positives;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Positives;

namespace CoupleConnect.IntegrationTests.Positives;

/// <summary>
/// 20:00 UTC on 25 November 2026: already 09:00 on the 26th in Auckland (the couples' home zone here), still noon on
/// the 25th in Los Angeles (where Sam lives). The clock never moves in this class, so dates can be written out.
/// </summary>
public sealed class AucklandMorningAppFixture() : FixedClockAppFixture(new DateTimeOffset(2026, 11, 25, 20, 0, 0, TimeSpan.Zero))
{
    public static readonly DateOnly AucklandToday = new(2026, 11, 26);
}

/// <summary>
/// Logging a positive and writing tonight's gratitude through <see cref="PositivesService"/> on a real database: what
/// is stored (kind, note, author, who it is about, the day in the couple's home zone), and bad input refused with a
/// clear message and nothing stored (rows counted and compared, xmin included).
/// </summary>
public sealed class LoggingPositives(AucklandMorningAppFixture app) : IClassFixture<AucklandMorningAppFixture>
{
    private const string MarkupNote = "<script>alert('hi')</script> & <b>\"bold\"</b> of you\nשלום";

    private static readonly DateOnly Today = AucklandMorningAppFixture.AucklandToday;

    private readonly AppDriver _app = app.ClockedDriver;

    public static TheoryData<string, int, string> RefusedDays => new()
    {
        { "tomorrow", 1, PositiveRuleException.MessageFor(PositiveRule.DayInTheFuture) },
        { "next year", 365, PositiveRuleException.MessageFor(PositiveRule.DayInTheFuture) },
        { "31 days back", -31, PositiveRuleException.MessageFor(PositiveRule.DayTooLongAgo) },
        { "a year back", -365, PositiveRuleException.MessageFor(PositiveRule.DayTooLongAgo) },
    };

    public static TheoryData<string, string, string> BadNotes => new()
    {
        { "501 characters", new string('n', 501), "Please keep your note to 500 characters (this one has 501). Nothing was saved; shorten it and try again." },
        { "a right-to-left override", "You \u202Eevol\u202C me", "Your note contains invisible direction-control characters (often pasted from elsewhere). Please remove them and try again." },
    };

    public static TheoryData<string, string?, string> BadGratitude => new()
    {
        { "missing", null, "Please write your note of thanks first." },
        { "empty", string.Empty, "Please write your note of thanks first." },
        { "whitespace", "  \t\r\n \u00A0 ", "Please write your note of thanks first." },
        { "zero-width only", "\u200B\u200C\u200D\uFEFF", "Please write your note of thanks first." },
        { "501 characters", new string('t', 501), "Please keep your note of thanks to 500 characters (this one has 501). Nothing was saved; shorten it and try again." },
    };

    [Fact]
    public async Task APositiveWithoutADayHappenedTodayInTheCouplesHomeZoneAndIsAboutThePartner()
    {
        var couple = await AucklandCoupleAsync();
        var (alex, sam) = (couple.Inviter, couple.Partner);
        Assert.Equal(new DateOnly(2026, 11, 25), DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime)); // UTC and Sam's own day are still the 25th

        var logged = await _app.LogPositiveAsync(sam, PositiveKind.Help);

        Assert.Equal((Today, PositiveKind.Help, (string?)null, true, false), (logged.Day, logged.Kind, logged.Note, logged.ByMe, logged.IsEveningGratitude));
        var row = Assert.Single(await _app.Positives().OfCoupleAsync(couple.CoupleId));
        Assert.Equal((logged.Id, sam.Id, alex.Id, "Help", (string?)null, Today, false), (row.Id, row.AuthorId, row.AboutId, row.Kind, row.Note, row.Day, row.IsEveningGratitude));
        Assert.Equal(app.Clock.GetUtcNow(), row.CreatedAt);
        Assert.Null(row.AcknowledgedAt);

        var alexs = await _app.LogPositiveAsync(alex, PositiveKind.QualityTime, "Saturday's long lunch.");
        var alexsRow = await _app.Positives().ByIdAsync(couple.CoupleId, alexs.Id);
        Assert.Equal((alex.Id, sam.Id, Today), (alexsRow.AuthorId, alexsRow.AboutId, alexsRow.Day));
    }

    [Fact]
    public async Task EveryKindInTheListCanBeLogged()
    {
        var couple = await AucklandCoupleAsync();

        foreach (var kind in Enum.GetValues<PositiveKind>())
        {
            await _app.LogPositiveAsync(couple.Partner, kind);
        }

        Assert.Equal(Enum.GetNames<PositiveKind>().Order(StringComparer.Ordinal), (await _app.Positives().OfCoupleAsync(couple.CoupleId)).Select(row => row.Kind).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(-Positive.MaxDaysBack)]
    public async Task ADayFromTodayToThirtyDaysBackIsStoredAsChosen(int daysFromToday)
    {
        var couple = await AucklandCoupleAsync();

        var logged = await _app.LogPositiveAsync(couple.Inviter, PositiveKind.Affection, day: Today.AddDays(daysFromToday));

        Assert.Equal(Today.AddDays(daysFromToday), logged.Day);
        Assert.Equal(Today.AddDays(daysFromToday), (await _app.Positives().ByIdAsync(couple.CoupleId, logged.Id)).Day);
    }

    [Theory]
    [MemberData(nameof(RefusedDays))]
    public async Task ADayInTheFutureOrMoreThanThirtyDaysBackIsRefusedAndNothingIsStored(string what, int daysFromToday, string expected)
    {
        var couple = await AucklandCoupleAsync();

        var refused = await LogAsync(couple.Partner, new PositiveInput { Kind = PositiveKind.Help, Note = "A note that must not be kept.", Day = Today.AddDays(daysFromToday) });

        Assert.True(refused.Error == expected, $"A day {what} got [{refused.Error ?? "accepted"}], expected [{expected}].");
        Assert.Null(refused.Value);
        Assert.Equal(0, await _app.Positives().CountAsync(couple.CoupleId));
    }

    [Fact]
    public async Task AKindNotInTheListOrNoKindIsRefusedAndNothingIsStored()
    {
        var couple = await AucklandCoupleAsync();
        var expected = PositiveRuleException.MessageFor(PositiveRule.UnknownKind);

        Assert.Equal(expected, (await LogAsync(couple.Partner, new PositiveInput { Kind = (PositiveKind)99, Note = "Sneaky." })).Error);
        Assert.Equal(expected, (await LogAsync(couple.Partner, new PositiveInput { Kind = (PositiveKind)(-1) })).Error);
        Assert.Equal(expected, (await LogAsync(couple.Partner, new PositiveInput { Kind = null, Note = "No kind chosen." })).Error);
        Assert.Equal(0, await _app.Positives().CountAsync(couple.CoupleId));
    }

    [Theory]
    [MemberData(nameof(BadNotes))]
    public async Task ABadNoteIsRefusedClearlyAndNothingIsStored(string what, string note, string expected)
    {
        var couple = await AucklandCoupleAsync();

        var refused = await LogAsync(couple.Partner, new PositiveInput { Kind = PositiveKind.KindWord, Note = note });

        Assert.True(refused.Error == expected, $"A note that is {what} got [{refused.Error ?? "accepted"}], expected [{expected}].");
        Assert.Equal(0, await _app.Positives().CountAsync(couple.CoupleId));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n\t ")]
    public async Task ABlankNoteMeansNoNote(string? note)
    {
        var couple = await AucklandCoupleAsync();

        var logged = await _app.LogPositiveAsync(couple.Partner, PositiveKind.KindWord, note);

        Assert.Null(logged.Note);
        Assert.Null((await _app.Positives().ByIdAsync(couple.CoupleId, logged.Id)).Note);
    }

    [Fact]
    public async Task MarkupIsStoredAsTypedTrimmedAndFiveHundredCharactersFit()
    {
        var couple = await AucklandCoupleAsync();
        var longest = "<i>" + new string('ü', PositiveNote.MaxLength - 3);

        var markup = await _app.LogPositiveAsync(couple.Partner, PositiveKind.KindWord, "  " + MarkupNote + "\n ");
        var full = await _app.LogPositiveAsync(couple.Partner, PositiveKind.Other, longest);

        Assert.Equal(MarkupNote, markup.Note);
        Assert.Equal(longest, full.Note);
        // Both were logged at the same instant of this class's stopped clock, so their order is not the point here.
        var latest = (await _app.DashboardAsync(couple.Inviter)).Latest;
        Assert.Equal(new[] { MarkupNote, longest }.Order(StringComparer.Ordinal), latest.Select(entry => entry.Note).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TonightsGratitudeIsAPositiveOfKindGratitudeForTodayAndMoreThanOneIsFine()
    {
        var couple = await AucklandCoupleAsync();

        var first = await _app.WriteGratitudeAsync(couple.Partner, "You called when I needed it.");
        var second = await _app.WriteGratitudeAsync(couple.Partner, MarkupNote);

        var rows = await _app.Positives().OfCoupleAsync(couple.CoupleId);
        Assert.Equal(new[] { first.Id, second.Id }.Order(), rows.Select(row => row.Id).Order()); // both at the stopped clock's instant: no order to check
        Assert.All(rows, row => Assert.Equal(("Gratitude", Today, true, couple.Partner.Id, couple.Inviter.Id), (row.Kind, row.Day, row.IsEveningGratitude, row.AuthorId, row.AboutId)));
        Assert.Equal(MarkupNote, second.Note);
        Assert.True(first.IsEveningGratitude && second.IsEveningGratitude);
    }

    [Theory]
    [MemberData(nameof(BadGratitude))]
    public async Task EmptyOrOverLongGratitudeIsRefusedClearlyAndNothingIsStored(string what, string? text, string expected)
    {
        var couple = await AucklandCoupleAsync();

        await using (var asSam = _app.AsUser(couple.Partner))
        {
            var refused = await asSam.Positives.WriteGratitudeAsync(text);
            Assert.True(refused.Error == expected, $"Gratitude that is {what} got [{refused.Error ?? "accepted"}], expected [{expected}].");
            Assert.False(await asSam.Positives.WroteGratitudeTodayAsync());
        }

        Assert.Equal(0, await _app.Positives().CountAsync(couple.CoupleId));
    }

    [Fact]
    public async Task SomeoneWithoutAPartnerIsToldPositivesStartOnceTheyPairAndNothingIsStored()
    {
        var loner = await _app.NewPersonAsync("Loner", "Pacific/Auckland");
        await using var asLoner = _app.AsUser(loner);
        await using var signedOut = _app.SignedOut();
        var before = await _app.Positives().AllCountAsync();

        foreach (var scope in new[] { asLoner, signedOut })
        {
            Assert.Equal(PositivesService.NotPairedMessage, (await scope.Positives.LogAsync(new PositiveInput { Kind = PositiveKind.Help, Note = "To nobody." })).Error);
            Assert.Equal(PositivesService.NotPairedMessage, (await scope.Positives.WriteGratitudeAsync("To nobody.")).Error);
            Assert.Equal(PositivesService.NotPairedMessage, (await scope.Positives.AcknowledgeAsync(Guid.NewGuid())).Error);
            Assert.False(await scope.Positives.WroteGratitudeTodayAsync());
            Assert.Null(await scope.Positives.SubscribeAsync(_ => Task.CompletedTask));
        }

        Assert.Equal(before, await _app.Positives().AllCountAsync());
    }

    private Task<PairedCouple> AucklandCoupleAsync() =>
        _app.PairNewAsync(inviterTimeZoneId: "Pacific/Auckland", partnerTimeZoneId: "America/Los_Angeles");

    private async Task<Web.Infrastructure.ServiceResult<PositiveView>> LogAsync(TestPerson person, PositiveInput input)
    {
        await using var scope = _app.AsUser(person);
        return await scope.Positives.LogAsync(input);
    }
}
