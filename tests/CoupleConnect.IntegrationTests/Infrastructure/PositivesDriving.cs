using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Positives;
using CoupleConnect.Domain.Reminders;
using CoupleConnect.Web.Features.Dashboard;
using CoupleConnect.Web.Features.Positives;
using Microsoft.Extensions.Time.Testing;

namespace CoupleConnect.IntegrationTests.Infrastructure;

/// <summary>
/// The arrange steps of positives and dashboard tests, through the app's own services as the signed-in person. Each
/// fails the test when the app refuses, so a test's subject is never hidden behind a failed setup.
/// </summary>
public static class PositivesDriving
{
    /// <summary>The positives table of the app <paramref name="app"/> drives, read with plain SQL.</summary>
    public static PositiveTables Positives(this AppDriver app) => new(app.Tables.ConnectionString);

    /// <summary><paramref name="author"/> logs a positive about their partner; fails the test if refused.</summary>
    public static async Task<PositiveView> LogPositiveAsync(this AppDriver app, TestPerson author, PositiveKind kind, string? note = null, DateOnly? day = null)
    {
        await using var scope = app.AsUser(author);
        var logged = await scope.Positives.LogAsync(new PositiveInput { Kind = kind, Note = note, Day = day });
        Assert.True(logged.Succeeded, $"{author.DisplayName} could not log a {kind}: {logged.Error}");
        return logged.Value!;
    }

    /// <summary><paramref name="author"/> writes tonight's gratitude; fails the test if refused.</summary>
    public static async Task<PositiveView> WriteGratitudeAsync(this AppDriver app, TestPerson author, string text)
    {
        await using var scope = app.AsUser(author);
        var written = await scope.Positives.WriteGratitudeAsync(text);
        Assert.True(written.Succeeded, $"{author.DisplayName} could not write tonight's gratitude: {written.Error}");
        return written.Value!;
    }

    /// <summary><paramref name="person"/> acknowledges an entry; fails the test if refused.</summary>
    public static async Task AcknowledgeAsync(this AppDriver app, TestPerson person, Guid positiveId)
    {
        await using var scope = app.AsUser(person);
        var acknowledged = await scope.Positives.AcknowledgeAsync(positiveId);
        Assert.True(acknowledged.Succeeded, $"{person.DisplayName} could not acknowledge {positiveId}: {acknowledged.Error}");
    }

    /// <summary>The shared dashboard as <paramref name="person"/> sees it; fails the test when they have none.</summary>
    public static async Task<DashboardView> DashboardAsync(this AppDriver app, TestPerson person)
    {
        await using var scope = app.AsUser(person);
        var view = await scope.Dashboard.GetAsync();
        Assert.True(view is not null, $"{person.DisplayName} has no dashboard.");
        return view;
    }

    /// <summary>
    /// Moves a forward-only fake clock to the next instant that reads <paramref name="localTime"/> in <paramref name="zone"/>
    /// (tests sharing the clock never assume an absolute date, only "the next 00:30 in Auckland").
    /// </summary>
    public static DateTimeOffset AdvanceToNextLocal(this FakeTimeProvider clock, string zone, TimeOnly localTime)
    {
        var next = ReminderClock.NextDueAfter(TimeZoneId.Parse(zone), LocalTimeOfDay.From(localTime), clock.GetUtcNow());
        clock.SetUtcNow(next);
        return next;
    }
}
