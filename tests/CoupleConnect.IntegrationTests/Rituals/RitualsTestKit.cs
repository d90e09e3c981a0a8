using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Reminders;
using CoupleConnect.Domain.Rituals;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Reminders;
using CoupleConnect.Web.Features.Rituals;
using CoupleConnect.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CoupleConnect.IntegrationTests.Rituals;

/// <summary>
/// The app with a fake clock starting at a chosen instant, for ritual tests. The per-person action throttle is raised:
/// these tests act (and are refused) many times a minute as one person, and the throttle has tests of its own.
/// Use <see cref="FixedClockAppFixture.ClockedDriver"/>: its services read <see cref="FixedClockAppFixture.Clock"/>.
/// </summary>
public abstract class RitualsAppFixture(DateTimeOffset start) : FixedClockAppFixture(start)
{
    /// <summary>The inviter's zone, which becomes the couple's home zone.</summary>
    public const string HomeZone = "Europe/Berlin";

    public RitualTables Tables => new(Factory.ConnectionString);

    /// <summary>The minutely dispatcher of the clocked host, run for ritual reminders only.</summary>
    public RitualDispatch Dispatcher => new(ClockedFactory.Services);

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["CoupleConnect:Couples:ActionsPerMinute"] = "100000",
    };

    /// <summary>Today in <paramref name="zone"/> by the fake clock.</summary>
    public DateOnly Today(string zone = HomeZone) => TimeZoneId.Parse(zone).LocalDate(Clock.GetUtcNow());

    /// <summary>Alex (Berlin, so the home zone is Berlin) invited Sam (New York), through the clocked app.</summary>
    public Task<PairedCouple> NewCoupleAsync(string inviterZone = HomeZone, string partnerZone = "America/New_York") =>
        ClockedDriver.PairNewAsync("Alex", "Sam", inviterZone, partnerZone);

    /// <summary>
    /// Moves the clock forward by <paramref name="step"/> at a time until <paramref name="until"/>, running the ritual
    /// dispatcher (or <paramref name="dispatch"/>) after each step, as the minutely job would. Returns how many ran.
    /// </summary>
    public async Task<int> WalkAsync(DateTimeOffset until, TimeSpan step, Func<Task>? dispatch = null)
    {
        var runs = 0;
        while (Clock.GetUtcNow() < until)
        {
            var next = Clock.GetUtcNow() + step;
            Clock.SetUtcNow(next < until ? next : until);
            await (dispatch ?? (() => Dispatcher.DispatchDueAsync()))();
            runs++;
        }

        return runs;
    }

    /// <summary>
    /// Jumps the clock to just after the next reminder the rituals' bookmarks name and dispatches, again and again,
    /// until <paramref name="until"/>; then sets the clock there and dispatches once more. Fails when a bookmark never
    /// moves on. Quicker than <see cref="WalkAsync"/> over months; a bookmark left behind is still dispatched (it is due).
    /// </summary>
    public async Task<int> JumpThroughRemindersAsync(IReadOnlyList<Guid> ritualIds, DateTimeOffset until)
    {
        var runs = 0;
        while (true)
        {
            var bookmarks = new List<DateTimeOffset>();
            foreach (var ritualId in ritualIds)
            {
                bookmarks.AddRange((await Tables.RemindersAsync(ritualId)).Select(reminder => reminder.NextDueUtc).OfType<DateTimeOffset>());
            }

            if (bookmarks.Count == 0 || bookmarks.Min() > until)
            {
                break;
            }

            var at = bookmarks.Min() + TimeSpan.FromSeconds(30);
            if (at > Clock.GetUtcNow())
            {
                Clock.SetUtcNow(at);
            }

            await Dispatcher.DispatchDueAsync();
            Assert.True(++runs < 200, "The bookmarks stopped moving forward.");
        }

        if (until > Clock.GetUtcNow())
        {
            Clock.SetUtcNow(until);
        }

        await Dispatcher.DispatchDueAsync();
        return runs + 1;
    }
}

/// <summary>
/// The one reminder dispatcher run for the ritual reminder source only, so a test counts ritual reminders and not the
/// daily ones its people also have due. <paramref name="asAnotherInstance"/> builds its own dispatcher and source, as
/// a second app instance would have.
/// </summary>
public sealed class RitualDispatch(IServiceProvider services, bool asAnotherInstance = false)
{
    private readonly ReminderDispatcher _dispatcher = asAnotherInstance ? ActivatorUtilities.CreateInstance<ReminderDispatcher>(services) : services.GetRequiredService<ReminderDispatcher>();
    private readonly RitualReminderSource _source = asAnotherInstance ? ActivatorUtilities.CreateInstance<RitualReminderSource>(services) : services.GetRequiredService<RitualReminderSource>();

    /// <summary>Returns how many ritual reminders were queued to send.</summary>
    public async Task<int> DispatchDueAsync() => (await _dispatcher.DispatchDueAsync(_source)).Pending;
}

/// <summary>Sunday 7 March 2027, 10:00 UTC (11:00 in Berlin, 05:00 in New York): the first Sunday of the month.</summary>
public sealed class March2027AppFixture() : RitualsAppFixture(StartsAt)
{
    public static readonly DateTimeOffset StartsAt = new(2027, 3, 7, 10, 0, 0, TimeSpan.Zero);
}

/// <summary>The ritual form filled in as a person would, for each kind of schedule.</summary>
public static class RitualForms
{
    public static RitualInput Weekly(string name, DateOnly start, string time, params DayOfWeek[] days) =>
        new() { Name = name, Repeat = RitualRepeat.Weekly, StartDate = start, StartTime = time, DurationMinutes = 60, Weekdays = [.. days] };

    public static RitualInput Daily(string name, DateOnly start, string time) =>
        new() { Name = name, Repeat = RitualRepeat.Daily, StartDate = start, StartTime = time, DurationMinutes = 15 };

    public static RitualInput MonthlyOnDay(string name, DateOnly start, string time, int dayOfMonth) =>
        new() { Name = name, Repeat = RitualRepeat.MonthlyOnDay, StartDate = start, StartTime = time, DurationMinutes = 90, DayOfMonth = dayOfMonth };

    public static RitualInput Once(string name, DateOnly day, string time) =>
        new() { Name = name, Repeat = RitualRepeat.Once, StartDate = day, StartTime = time, DurationMinutes = 120 };

    /// <summary>A copy to change one field of (the form object is mutable, like the page's).</summary>
    public static RitualInput Copy(RitualInput input) => new()
    {
        TemplateKey = input.TemplateKey,
        Name = input.Name,
        Description = input.Description,
        Repeat = input.Repeat,
        StartDate = input.StartDate,
        StartTime = input.StartTime,
        DurationMinutes = input.DurationMinutes,
        Weekdays = [.. input.Weekdays],
        DayOfMonth = input.DayOfMonth,
        Nth = input.Nth,
        NthWeekday = input.NthWeekday,
    };
}

/// <summary>
/// The arrange steps of ritual tests, through the app's own services as the signed-in person; each fails the test when
/// the app refuses, so a test's subject is never hidden behind a failed setup.
/// </summary>
public static class RitualsDriving
{
    /// <summary>Calls <see cref="RitualsService"/> signed in as <paramref name="person"/>.</summary>
    public static async Task<T> RitualsAsync<T>(this AppDriver app, TestPerson person, Func<RitualsService, Task<T>> call)
    {
        await using var scope = app.AsUser(person);
        return await call(scope.Get<RitualsService>());
    }

    /// <summary>Calls <see cref="RitualOccurrencesService"/> signed in as <paramref name="person"/>.</summary>
    public static async Task<T> OccurrencesAsync<T>(this AppDriver app, TestPerson person, Func<RitualOccurrencesService, Task<T>> call)
    {
        await using var scope = app.AsUser(person);
        return await call(scope.Get<RitualOccurrencesService>());
    }

    public static async Task<Guid> CreateRitualAsync(this AppDriver app, TestPerson person, RitualInput input)
    {
        var created = await app.RitualsAsync(person, rituals => rituals.CreateAsync(input));
        Assert.True(created.Succeeded, $"{person.DisplayName} could not create \"{input.Name}\": {created.Error}");
        return created.Value;
    }

    public static async Task ChangeRitualAsync(this AppDriver app, TestPerson person, Guid ritualId, RitualInput input)
    {
        var changed = await app.RitualsAsync(person, rituals => rituals.ChangeAsync(ritualId, input));
        Assert.True(changed.Succeeded, $"{person.DisplayName} could not change the ritual: {changed.Error}");
    }

    public static async Task<RitualDetail> RitualAsync(this AppDriver app, TestPerson person, Guid ritualId)
    {
        var detail = await app.RitualsAsync(person, rituals => rituals.GetAsync(ritualId));
        Assert.True(detail.Succeeded, $"{person.DisplayName} could not open the ritual: {detail.Error}");
        return detail.Value!;
    }

    public static async Task<IReadOnlyList<RitualSummary>> RitualListAsync(this AppDriver app, TestPerson person)
    {
        var list = await app.RitualsAsync(person, rituals => rituals.ListAsync());
        Assert.True(list.Succeeded, $"{person.DisplayName} could not list rituals: {list.Error}");
        return list.Value!;
    }

    public static async Task DeleteRitualAsync(this AppDriver app, TestPerson person, Guid ritualId) =>
        AssertOk(await app.RitualsAsync(person, rituals => rituals.DeleteAsync(ritualId)), $"{person.DisplayName} could not delete the ritual");

    public static async Task SetReminderAsync(this AppDriver app, TestPerson person, Guid ritualId, bool on, int leadMinutes, bool dayBefore = false) =>
        AssertOk(await app.RitualsAsync(person, rituals => rituals.SetReminderAsync(ritualId, on, leadMinutes, dayBefore)), $"{person.DisplayName} could not set their reminder");

    public static async Task MarkAsync(this AppDriver app, TestPerson person, Guid ritualId, DateOnly day, RitualOutcomeStatus status) =>
        AssertOk(await app.OccurrencesAsync(person, occurrences => occurrences.MarkAsync(ritualId, day, status)), $"{person.DisplayName} could not mark {day:yyyy-MM-dd} {status}");

    public static async Task WriteNoteAsync(this AppDriver app, TestPerson person, Guid ritualId, DateOnly day, string text) =>
        AssertOk(await app.OccurrencesAsync(person, occurrences => occurrences.WriteNoteAsync(ritualId, day, text)), $"{person.DisplayName} could not write a note on {day:yyyy-MM-dd}");

    public static async Task WriteReflectionAsync(this AppDriver app, TestPerson person, Guid ritualId, DateOnly day, string wentWell, string goal) =>
        AssertOk(await app.OccurrencesAsync(person, occurrences => occurrences.WriteReflectionAsync(ritualId, day, wentWell, goal)), $"{person.DisplayName} could not write the reflection of {day:yyyy-MM-dd}");

    public static async Task<ReflectionView> ReflectionAsync(this AppDriver app, TestPerson person, Guid ritualId, DateOnly day)
    {
        var view = await app.OccurrencesAsync(person, occurrences => occurrences.GetReflectionAsync(ritualId, day));
        Assert.True(view.Succeeded, $"{person.DisplayName} could not open the reflection of {day:yyyy-MM-dd}: {view.Error}");
        return view.Value!;
    }

    /// <summary>The instant local <paramref name="time"/> on <paramref name="day"/> in <paramref name="zone"/> (a time that exists there that day).</summary>
    public static DateTimeOffset At(string zone, DateOnly day, string time)
    {
        var local = day.ToDateTime(TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Unspecified);
        var tz = TimeZoneId.Parse(zone).Zone;
        Assert.False(tz.IsInvalidTime(local), $"{local} does not exist in {zone}.");
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, tz), TimeSpan.Zero);
    }

    /// <summary>Every day from <paramref name="first"/> to <paramref name="last"/> that is one of <paramref name="days"/>.</summary>
    public static IEnumerable<DateOnly> DaysBetween(DateOnly first, DateOnly last, params DayOfWeek[] days)
    {
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            if (days.Contains(day.DayOfWeek))
            {
                yield return day;
            }
        }
    }

    private static void AssertOk(ServiceResult result, string what) => Assert.True(result.Succeeded, $"{what}: {result.Error}");
}

/// <summary>A reminder's per-partner row (choice and dispatcher bookmark) as a database dump shows it.</summary>
public sealed record RitualReminderRow(string UserId, bool IsOn, int LeadMinutes, bool DayBefore, DateTimeOffset? NextDueUtc, DateOnly? NextOccurrenceDay, ReminderKind? NextKind);

/// <summary>A ritual's row in the reminder outbox.</summary>
public sealed record RitualOutboxRow(long Id, string UserId, ReminderKind Kind, DateOnly LocalDate, DateTimeOffset DueUtc, DateTimeOffset CreatedUtc, ReminderStatus Status, ReminderSkipReason? SkipReason);

/// <summary>How many rows of each ritual table belong to one couple.</summary>
public sealed record RitualCounts(long Rituals, long Reminders, long Outcomes, long Notes, long Reflections);
