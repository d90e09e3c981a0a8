using CoupleConnect.Domain.Positives;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Dashboard;
using Xunit.Abstractions;

namespace CoupleConnect.IntegrationTests.Dashboard;

/// <summary>
/// The dashboard reads everything in at most six SQL round trips (issue 6, performance), and the number does not grow
/// with the couple's history: no query per card, per entry or per day. Counted from Npgsql's own tracing.
/// </summary>
public sealed class DashboardRoundTrips(AppFixture app, ITestOutputHelper output) : IClassFixture<AppFixture>
{
    private const int MaxRoundTrips = 6;

    private readonly AppDriver _app = app.Driver;

    [Fact]
    public async Task TheDashboardLoadsInAtMostSixRoundTripsWhateverTheHistory()
    {
        var couple = await _app.PairNewAsync();
        using var roundTrips = new SqlRoundTrips();

        var (empty, emptyStatements) = await MeasureDashboardAsync(roundTrips, couple.Inviter);

        await _app.BothAnswerTodayAsync(couple, "Alex's answer", "Sam's answer");
        for (var i = 0; i < 5; i++)
        {
            await _app.LogPositiveAsync(couple.Inviter, PositiveKind.Help, $"Note {i}", empty.Today.AddDays(-7 * i));
            await _app.LogPositiveAsync(couple.Partner, PositiveKind.Affection, day: empty.Today.AddDays(-3 * i));
        }

        await _app.WriteGratitudeAsync(couple.Partner, "The soup.");
        var (full, fullStatements) = await MeasureDashboardAsync(roundTrips, couple.Inviter);

        output.WriteLine($"Empty couple: {emptyStatements.Count} round trips; with answers, 11 positives and a gratitude: {fullStatements.Count}.");
        fullStatements.Select((statement, index) => $"{index + 1}. {statement.ReplaceLineEndings(" ")}").ToList().ForEach(output.WriteLine);
        // The counter sees the app's queries (so "at most six" can fail), and only this load's.
        Assert.Contains(fullStatements, statement => statement.Contains("FROM positives", StringComparison.OrdinalIgnoreCase));
        Assert.True(fullStatements.Count <= MaxRoundTrips, $"The dashboard took {fullStatements.Count} round trips:\n{string.Join("\n", fullStatements)}");
        Assert.Equal(emptyStatements.Count, fullStatements.Count);
        Assert.Empty(empty.Latest);
        Assert.Equal(Math.Min(11, DashboardView.LatestCount), full.Latest.Count); // the history really was read in those round trips
        Assert.Equal(QuestionStatus.Revealed, full.MyQuestion);
    }

    private async Task<(DashboardView View, IReadOnlyList<string> Statements)> MeasureDashboardAsync(SqlRoundTrips roundTrips, TestPerson person)
    {
        await using var scope = _app.AsUser(person);
        var dashboard = scope.Dashboard;
        var (view, statements) = await roundTrips.MeasureAsync(() => dashboard.GetAsync());
        Assert.NotNull(view);
        return (view, statements);
    }
}
