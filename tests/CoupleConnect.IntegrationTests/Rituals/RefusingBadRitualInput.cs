using CoupleConnect.Domain.Rituals;
using CoupleConnect.Web.Features.Rituals;

namespace CoupleConnect.IntegrationTests.Rituals;

/// <summary>
/// Impossible schedules, bad names and descriptions, and reminder lead times out of range are refused by the service
/// with their own clear message, and nothing is stored: no new row on create, not even a no-op write on change.
/// The clock is fixed at Sunday 7 March 2027, 11:00 in Berlin (the couple's home zone).
/// </summary>
public sealed class RefusingBadRitualInput(March2027AppFixture app) : IClassFixture<March2027AppFixture>
{
    private const string MonthHasNoSuchDay = "Not every month has that day. Pick a day from 1 to 28, or a weekday such as \"the last Sunday\".";
    private const string DurationOutOfRange = "A ritual lasts between 1 minute and 24 hours.";
    private const string AlreadyPassed = "That time has already passed. Pick a time still to come.";

    private static readonly DateOnly Today = new(2027, 3, 7);

    [Theory]
    [InlineData("monthly on the 31st", MonthHasNoSuchDay, true)]
    [InlineData("monthly on the 30th", MonthHasNoSuchDay, true)]
    [InlineData("monthly on the 29th", MonthHasNoSuchDay, true)]
    [InlineData("monthly on day 0", MonthHasNoSuchDay, true)]
    [InlineData("monthly on the fifth Sunday", "Pick the first, second, third, fourth or last weekday of the month.", true)]
    [InlineData("weekly with no weekdays", "Choose at least one day of the week.", true)]
    [InlineData("lasting 0 minutes", DurationOutOfRange, true)]
    [InlineData("lasting 24 hours and 1 minute", DurationOutOfRange, true)]
    [InlineData("lasting minus 30 minutes", DurationOutOfRange, true)]
    [InlineData("once, a minute ago", AlreadyPassed, true)]
    [InlineData("once, yesterday", AlreadyPassed, true)]
    [InlineData("a name of 81 characters", "Please keep the name to 80 characters or fewer (this one has 81).", true)]
    [InlineData("a name with markup", "A ritual name can't contain < or >.", true)]
    [InlineData("a blank name", "Please give the ritual a name, such as \"Date night\".", true)]
    [InlineData("a name with a line break", "A ritual name can't contain line breaks, control or invisible characters.", true)]
    [InlineData("a description of 281 characters", "Please keep your description to 280 characters (this one has 281). Nothing was saved; shorten it and try again.", true)]
    [InlineData("a time of 25:00", "Please enter a time of day like 08:00 or 21:30.", true)]
    [InlineData("a start over two years ahead", "Please pick a start within the next two years.", true)]
    [InlineData("a new ritual starting 61 days back", "A new ritual can start at most 60 days back.", false)]
    public async Task AnImpossibleOrBadRitualIsRefusedWithItsOwnMessageAndNothingIsStored(string problem, string expected, bool refusedOnChangeToo)
    {
        var couple = await app.NewCoupleAsync();
        var existing = await app.ClockedDriver.CreateRitualAsync(couple.Inviter, Valid());
        var counts = await app.Tables.CountsAsync(couple.CoupleId);
        Assert.Equal(new RitualCounts(1, 2, 0, 0, 0), counts);

        var created = await app.ClockedDriver.RitualsAsync(couple.Partner, rituals => rituals.CreateAsync(Bad(problem)));

        Assert.Equal((false, expected), (created.Succeeded, created.Error));
        Assert.Equal(counts, await app.Tables.CountsAsync(couple.CoupleId));

        if (refusedOnChangeToo)
        {
            var before = await app.Tables.SnapshotAsync(couple.CoupleId);
            var changed = await app.ClockedDriver.RitualsAsync(couple.Inviter, rituals => rituals.ChangeAsync(existing, Bad(problem)));
            Assert.Equal((false, expected), (changed.Succeeded, changed.Error));
            Assert.Equal(before, await app.Tables.SnapshotAsync(couple.CoupleId));
        }

        Assert.Equal("Sunday dinner", Assert.Single(await app.ClockedDriver.RitualListAsync(couple.Partner)).Name);
    }

    [Fact]
    public async Task TheLimitsThemselvesAreAccepted()
    {
        var couple = await app.NewCoupleAsync();
        var longest = Valid();
        longest.Name = new string('N', RitualName.MaxLength);
        longest.Description = new string('d', RitualText.DescriptionMaxLength);
        longest.DurationMinutes = 24 * 60;
        longest.Repeat = RitualRepeat.MonthlyOnDay;
        longest.DayOfMonth = 28;
        var id = await app.ClockedDriver.CreateRitualAsync(couple.Inviter, longest);

        var once = RitualForms.Once("Concert", Today, "11:01"); // a minute from now
        await app.ClockedDriver.CreateRitualAsync(couple.Partner, once);
        var lastSunday = Valid();
        lastSunday.Repeat = RitualRepeat.MonthlyOnNthWeekday;
        lastSunday.Nth = -1;
        lastSunday.NthWeekday = DayOfWeek.Sunday;
        await app.ClockedDriver.CreateRitualAsync(couple.Partner, lastSunday);
        var sixtyDaysBack = RitualForms.Daily("Vitamins", Today.AddDays(-60), "08:00");
        await app.ClockedDriver.CreateRitualAsync(couple.Partner, sixtyDaysBack);

        Assert.Equal(4, (await app.ClockedDriver.RitualListAsync(couple.Inviter)).Count);
        Assert.Equal("On the 28th of every month at 18:00, for 24 hours", (await app.ClockedDriver.RitualAsync(couple.Partner, id)).Summary.ScheduleText);
    }

    [Theory]
    [InlineData(7 * 24 * 60 + 1, "A reminder can come at most 7 days before.")]
    [InlineData(8 * 24 * 60, "A reminder can come at most 7 days before.")]
    [InlineData(-1, "A reminder comes before the ritual, not after it.")]
    [InlineData(-120, "A reminder comes before the ritual, not after it.")]
    public async Task AReminderLeadTimeOutOfRangeIsRefusedAndNeitherReminderChanges(int leadMinutes, string expected)
    {
        var couple = await app.NewCoupleAsync();
        var id = await app.ClockedDriver.CreateRitualAsync(couple.Inviter, Valid());
        var before = await app.Tables.SnapshotAsync(couple.CoupleId);

        var refused = await app.ClockedDriver.RitualsAsync(couple.Partner, rituals => rituals.SetReminderAsync(id, true, leadMinutes, false));

        Assert.Equal((false, expected), (refused.Succeeded, refused.Error));
        Assert.Equal(before, await app.Tables.SnapshotAsync(couple.CoupleId));
        Assert.Equal(new ReminderChoice(true, 120, false, false), (await app.ClockedDriver.RitualAsync(couple.Partner, id)).Reminder);
    }

    [Fact]
    public async Task AReminderExactlySevenDaysAheadIsAcceptedAndBookmarkedAWeekBefore()
    {
        var couple = await app.NewCoupleAsync();
        var id = await app.ClockedDriver.CreateRitualAsync(couple.Inviter, RitualForms.Weekly("Market run", Today, "10:00", DayOfWeek.Saturday));

        await app.ClockedDriver.SetReminderAsync(couple.Partner, id, true, 7 * 24 * 60);

        // Saturday 13 March is under a week away, so its week-ahead reminder has passed: the first is for the 20th.
        var partner = await app.Tables.ReminderAsync(id, couple.Partner.Id);
        Assert.Equal((7 * 24 * 60, (DateTimeOffset?)new DateTimeOffset(2027, 3, 13, 9, 0, 0, TimeSpan.Zero), (DateOnly?)new DateOnly(2027, 3, 20)), (partner.LeadMinutes, partner.NextDueUtc, partner.NextOccurrenceDay));
        var inviter = await app.Tables.ReminderAsync(id, couple.Inviter.Id);
        Assert.Equal((120, (DateTimeOffset?)new DateTimeOffset(2027, 3, 13, 7, 0, 0, TimeSpan.Zero)), (inviter.LeadMinutes, inviter.NextDueUtc));
    }

    /// <summary>Weekly on Sundays at 18:00: fine in every way.</summary>
    private static RitualInput Valid() => new()
    {
        Name = "Sunday dinner",
        Description = "Cook together, no phones at the table.",
        Repeat = RitualRepeat.Weekly,
        StartDate = Today,
        StartTime = "18:00",
        DurationMinutes = 90,
        Weekdays = [DayOfWeek.Sunday],
    };

    private static RitualInput Bad(string problem)
    {
        var input = Valid();
        switch (problem)
        {
            case "monthly on the 31st" or "monthly on the 30th" or "monthly on the 29th" or "monthly on day 0":
                input.Repeat = RitualRepeat.MonthlyOnDay;
                input.DayOfMonth = problem switch { "monthly on the 31st" => 31, "monthly on the 30th" => 30, "monthly on the 29th" => 29, _ => 0 };
                break;
            case "monthly on the fifth Sunday":
                input.Repeat = RitualRepeat.MonthlyOnNthWeekday;
                input.Nth = 5;
                break;
            case "weekly with no weekdays":
                input.Weekdays = [];
                break;
            case "lasting 0 minutes":
                input.DurationMinutes = 0;
                break;
            case "lasting 24 hours and 1 minute":
                input.DurationMinutes = (24 * 60) + 1;
                break;
            case "lasting minus 30 minutes":
                input.DurationMinutes = -30;
                break;
            case "once, a minute ago":
                input.Repeat = RitualRepeat.Once;
                input.StartTime = "10:59";
                break;
            case "once, yesterday":
                input.Repeat = RitualRepeat.Once;
                input.StartDate = Today.AddDays(-1);
                break;
            case "a name of 81 characters":
                input.Name = new string('N', RitualName.MaxLength + 1);
                break;
            case "a name with markup":
                input.Name = "Date <b>night</b>";
                break;
            case "a blank name":
                input.Name = " \t\u200B ";
                break;
            case "a name with a line break":
                input.Name = "Date\nnight";
                break;
            case "a description of 281 characters":
                input.Description = new string('d', RitualText.DescriptionMaxLength + 1);
                break;
            case "a time of 25:00":
                input.StartTime = "25:00";
                break;
            case "a start over two years ahead":
                input.StartDate = Today.AddYears(2).AddDays(1);
                break;
            case "a new ritual starting 61 days back":
                input.StartDate = Today.AddDays(-61);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(problem), problem, "No such case.");
        }

        return input;
    }
}
