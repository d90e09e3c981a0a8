using System.Diagnostics;
using Bunit.Extensions.WaitForHelpers;
using CoupleConnect.Domain.Rituals;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Features.Rituals;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;
using Npgsql;

namespace CoupleConnect.Web.Tests.Rituals;

/// <summary>
/// bUnit with MudBlazor set up as in the other component tests, plus the real ritual services the components inject.
/// Nobody is signed in, so the services answer "not paired" without ever reaching a database (the factory below fails
/// the test if it is asked for one). Components take view records as parameters, built here.
/// </summary>
public abstract class RitualsTestContext : BunitContext, IAsyncLifetime
{
    protected const string PartnerName = "Sam";

    protected static readonly Guid DateNightId = Guid.Parse("0193a5b0-0000-7000-8000-000000000001");

    protected static readonly DateOnly Friday = new(2026, 11, 27);

    protected RitualsTestContext()
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
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddSingleton(_ => NpgsqlDataSource.Create("Host=never.used.invalid"));
        Services.AddSingleton<CoupleChangeRelay>();
        Services.AddSingleton<CoupleNotifier>();
        Services.AddOptions<CouplesOptions>();
        Services.AddSingleton<UserActionThrottle>();
        Services.AddSingleton<IDbContextFactory<AppDbContext>, NoDatabase>();
        Services.AddScoped<CurrentUser>();
        Services.AddScoped<CurrentCouple>();
        Services.AddScoped<CoupleDb>();
        Services.AddScoped<RitualsService>();
        Services.AddScoped<RitualOccurrencesService>();
    }

    /// <summary>Also MudBlazor's clock: a text box's debounce passes only when a test moves it on.</summary>
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero));

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    /// <summary>
    /// Moves the clock on in small steps until <paramref name="assertion"/> passes. MudBlazor's debounce starts its delay
    /// on the thread pool after the input event, so a single move made right after typing can come before the delay
    /// exists and then never ends it.
    /// </summary>
    protected void PassTheDebounce<TComponent>(IRenderedComponent<TComponent> component, Action assertion)
        where TComponent : IComponent
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            Clock.Advance(TimeSpan.FromMilliseconds(200));
            try
            {
                component.WaitForAssertion(assertion, TimeSpan.FromMilliseconds(100));
                return;
            }
            catch (WaitForFailedException) when (waited.Elapsed < TimeSpan.FromSeconds(10))
            {
                // Not yet: the debounce's delay may not have been scheduled when the clock moved.
            }
        }
    }

    // MudBlazor's services are IAsyncDisposable only; xUnit's synchronous Dispose would throw.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    protected static OccurrenceView Occurrence(
        DateOnly? day = null,
        string startsLocal = "Friday 27 November, 19:30",
        RitualOutcomeStatus? status = null,
        bool markedByMe = false,
        string name = "Date night, no screens",
        Guid? ritualId = null)
    {
        var starts = new DateTimeOffset((day ?? Friday).ToDateTime(new TimeOnly(18, 30)), TimeSpan.Zero);
        return new OccurrenceView(ritualId ?? DateNightId, name, day ?? Friday, starts, starts.AddHours(2), startsLocal, status, markedByMe, true);
    }

    protected static RitualSummary Summary(
        string name = "Date night, no screens",
        string schedule = "Every Friday at 19:30, for 2 hours",
        OccurrenceView? next = null,
        OccurrenceView? awaiting = null,
        RitualProgress? progress = null,
        bool monthlyReflection = false,
        Guid? id = null) =>
        new(id ?? DateNightId, name, "Phones away.", schedule, monthlyReflection, next, awaiting, progress ?? new RitualProgress(9, 12, 3));

    protected static PastOccurrenceView Past(OccurrenceView occurrence, string? markedBy = null, params RitualNoteView[] notes) =>
        new(occurrence, markedBy, notes);

    protected static RitualNoteView Note(string text, bool mine) =>
        new(mine ? "Alex" : PartnerName, mine, text, new DateTimeOffset(2026, 11, 27, 22, 0, 0, TimeSpan.Zero));

    /// <summary>Stands in for the database: these tests never need one, and asking for one is a failure.</summary>
    private sealed class NoDatabase : IDbContextFactory<AppDbContext>
    {
        public AppDbContext CreateDbContext() => throw new InvalidOperationException("A ritual component test reached for the database.");
    }
}
