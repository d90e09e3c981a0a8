using CoupleConnect.Domain.Dashboard;
using CoupleConnect.Domain.Positives;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Features.Dashboard;
using CoupleConnect.Web.Features.Positives;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;
using Npgsql;

namespace CoupleConnect.Web.Tests.Dashboard;

/// <summary>
/// bUnit with MudBlazor set up as in the other component tests, plus the real <see cref="PositivesService"/> the feed
/// injects. Nobody is signed in, so the service answers "not paired" without ever reaching a database (the factory
/// below fails the test if it is asked for one).
/// </summary>
public abstract class DashboardTestContext : BunitContext, IAsyncLifetime
{
    protected const string PartnerName = "Alex";

    protected static readonly DateOnly Today = new(2026, 11, 25);

    protected DashboardTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.ShowTransitionDuration = 0;
            options.SnackbarConfiguration.HideTransitionDuration = 0;
            options.PopoverOptions.CheckForPopoverProvider = false;
        });
        AddAuthorization();
        Services.AddLogging();
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 18, 0, 0, TimeSpan.Zero)));
        Services.AddSingleton(_ => NpgsqlDataSource.Create("Host=never.used.invalid"));
        Services.AddSingleton<CoupleChangeRelay>();
        Services.AddSingleton<CoupleNotifier>();
        Services.AddOptions<CouplesOptions>();
        Services.AddSingleton<UserActionThrottle>();
        Services.AddSingleton<IDbContextFactory<AppDbContext>, NoDatabase>();
        Services.AddScoped<CurrentUser>();
        Services.AddScoped<CurrentCouple>();
        Services.AddScoped<CoupleDb>();
        Services.AddScoped<PositivesService>();
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services are IAsyncDisposable only; xUnit's synchronous Dispose would throw.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    protected static DashboardView View(
        QuestionStatus mine = QuestionStatus.NotAnswered,
        QuestionStatus partners = QuestionStatus.NotAnswered,
        bool iThanked = false,
        bool partnerThanked = false,
        IReadOnlyList<WeekCount>? weeks = null,
        StreakStatus? streak = null) =>
        new(
            PartnerName,
            Today,
            mine,
            partners,
            iThanked,
            partnerThanked,
            [],
            weeks ?? Weeks(),
            streak ?? new StreakStatus(0, false, false, null));

    /// <summary>Twelve weeks ending with the one containing <see cref="Today"/>; <paramref name="counts"/> fill them from the latest backwards.</summary>
    protected static IReadOnlyList<WeekCount> Weeks(params (int Yours, int Partners)[] counts)
    {
        var thisWeek = CoupleWeeks.StartOf(Today);
        return Enumerable.Range(0, DashboardView.WeeksShown)
            .Select(index => (Start: thisWeek.AddDays(-7 * (DashboardView.WeeksShown - 1 - index)), FromLatest: DashboardView.WeeksShown - 1 - index))
            .Select(week => week.FromLatest < counts.Length
                ? new WeekCount(week.Start, counts[week.FromLatest].Yours, counts[week.FromLatest].Partners)
                : new WeekCount(week.Start, 0, 0))
            .ToList();
    }

    protected static PositiveView Entry(
        bool byMe,
        string? note = null,
        PositiveKind kind = PositiveKind.Help,
        bool gratitude = false,
        DateTimeOffset? acknowledgedAt = null) =>
        new(Guid.NewGuid(), gratitude ? PositiveKind.Gratitude : kind, note, Today, gratitude, byMe, new DateTimeOffset(2026, 11, 25, 17, 0, 0, TimeSpan.Zero), acknowledgedAt);

    /// <summary>Stands in for the database: these tests never need one, and asking for one is a failure.</summary>
    private sealed class NoDatabase : IDbContextFactory<AppDbContext>
    {
        public AppDbContext CreateDbContext() => throw new InvalidOperationException("A dashboard card test reached for the database.");
    }
}
