using System.Text.RegularExpressions;
using CoupleConnect.Domain.CheckIns;
using CoupleConnect.Domain.Positives;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Demo;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoupleConnect.IntegrationTests.Demo;

/// <summary>
/// `./run.sh --demo` is what a person judging the app sees first: every answer belongs to its question, each partner
/// sounds like themselves, the thanks change from night to night, the people live where the README says, and every
/// feature has something in it.
/// </summary>
public sealed partial class TheDemoIsBelievable(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task EveryDemoAnswerSitsUnderTheQuestionItWasWrittenFor()
    {
        var (db, alexId, samId) = await SeededAsync();
        var written = DemoCheckIns.Days
            .SelectMany(day => new[] { (day.Question, Author: alexId, Text: day.Alex), (day.Question, Author: samId, Text: day.Sam) })
            .Where(answer => answer.Text is not null)
            .ToHashSet();

        var days = await db.DailyQuestions.IgnoreQueryFilters().AsNoTracking().Include(daily => daily.Answers).ToListAsync();
        var seeded = days.SelectMany(daily => daily.Answers.Select(answer => (Question: QuestionBank.All.Single(question => question.Id == daily.QuestionId).Text, Author: answer.AuthorId, Text: (string?)answer.Text))).ToList();

        Assert.NotEmpty(seeded);
        foreach (var answer in seeded)
        {
            Assert.True(written.Contains(answer), $"\"{answer.Text}\" is filed under \"{answer.Question}\", which it was not written for (or not by that partner).");
        }

        Assert.Equal(written.Count, seeded.Count);
        Assert.Equal(days.Count, days.Select(daily => daily.QuestionId).Distinct().Count());
    }

    [Fact]
    public async Task TheDemoPeopleLiveInTheTimeZonesTheReadmeNames()
    {
        await SeededAsync();
        var readme = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "README.md"));
        var demoParagraph = readme[readme.IndexOf("Demo: `./run.sh --demo`", StringComparison.Ordinal)..];
        demoParagraph = demoParagraph[..demoParagraph.IndexOf("\n\n", StringComparison.Ordinal)];
        var named = TimeZoneInBackticks().Matches(demoParagraph).Select(match => match.Groups["zone"].Value).ToHashSet();

        var alex = (await app.Users.FindByEmailAsync(DemoSeeder.AlexEmail))!;
        var sam = (await app.Users.FindByEmailAsync(DemoSeeder.SamEmail))!;
        Assert.NotEmpty(named);
        Assert.Equal(named.Order(), new[] { alex.TimeZoneId, sam.TimeZoneId }.Distinct().Order());
        Assert.Equal((DemoSeeder.AlexTimeZone, DemoSeeder.SamTimeZone), (alex.TimeZoneId, sam.TimeZoneId));
    }

    [Fact]
    public async Task EachPartnerThanksTheOtherInTheirOwnWordsAndNoLineRepeatsUntilAllHaveBeenUsed()
    {
        var (db, alexId, samId) = await SeededAsync();
        var thanks = await db.Positives.IgnoreQueryFilters().AsNoTracking().Where(positive => positive.IsEveningGratitude).ToListAsync();

        foreach (var author in new[] { alexId, samId })
        {
            var theirs = thanks.Where(positive => positive.AuthorId == author).OrderBy(positive => positive.Day).Select(positive => positive.Note!).ToList();
            Assert.True(theirs.Count >= 15, $"Only {theirs.Count} evening thanks in six weeks.");
            var deck = author == alexId ? DemoWords.Alex.Gratitude.Count : DemoWords.Sam.Gratitude.Count;
            Assert.Equal(Math.Min(theirs.Count, deck), theirs.Take(deck).Distinct().Count()); // none repeats before every line was used
        }

        var alexLines = thanks.Where(positive => positive.AuthorId == alexId).Select(positive => positive.Note).ToHashSet();
        Assert.DoesNotContain(thanks.Where(positive => positive.AuthorId == samId), positive => alexLines.Contains(positive.Note));
    }

    [Fact]
    public async Task EveryFeatureHasSomethingInItAndTodaysQuestionWaitsForAlex()
    {
        var (db, alexId, samId) = await SeededAsync();
        var days = await db.DailyQuestions.IgnoreQueryFilters().AsNoTracking().Include(daily => daily.Answers).OrderBy(daily => daily.Day).ToListAsync();
        var today = days[^1];
        Assert.Equal(samId, Assert.Single(today.Answers).AuthorId);
        Assert.True(days.Count(daily => daily.IsRevealed) >= 30, "Most days should be revealed.");
        Assert.Contains(days.Where(daily => daily.Day > today.Day.AddDays(-DailyQuestion.AnswerWindowDays)), daily => daily.Answers.Count == 1 && daily.Answers[0].AuthorId == alexId);
        var answers = days.SelectMany(daily => daily.Answers).ToList();
        Assert.Contains(answers, answer => answer.HeartedByPartner && answer.AuthorId == alexId);
        Assert.Contains(answers, answer => answer.HeartedByPartner && answer.AuthorId == samId);
        Assert.Contains(answers, answer => answer.ReflectionText is not null && answer.Verdict == ReflectionVerdict.ThatsIt);

        var positives = await db.Positives.IgnoreQueryFilters().AsNoTracking().ToListAsync();
        foreach (var author in new[] { alexId, samId })
        {
            Assert.Equal(Enum.GetValues<PositiveKind>().Order(), positives.Where(positive => positive.AuthorId == author).Select(positive => positive.Kind).Distinct().Order());
        }

        Assert.Contains(positives, positive => positive.AcknowledgedAt is not null);
        Assert.All(new[] { alexId, samId }, author => Assert.Contains(positives, positive => positive.Day == today.Day && positive.AuthorId == author)); // this week is not empty on a Monday
        Assert.DoesNotContain(positives, positive => positive.Day == today.Day && positive.IsEveningGratitude); // tonight's thanks are still to write
        Assert.Equal(2, await db.Rituals.IgnoreQueryFilters().CountAsync());
        Assert.True(await db.RitualOutcomes.IgnoreQueryFilters().CountAsync() >= 5, "Date night should have a record of weeks kept.");
        Assert.True(await db.RitualNotes.IgnoreQueryFilters().AnyAsync(), "Date night should have notes.");
        Assert.True(await db.MonthlyReflections.IgnoreQueryFilters().CountAsync() >= 2, "The monthly reflection should have both partners' words.");
        Assert.True(await db.RitualReminders.IgnoreQueryFilters().AnyAsync(), "The rituals should have reminders set.");
        Assert.True(await db.ReminderSchedules.IgnoreQueryFilters().CountAsync() >= 4, "Both partners should have their daily reminders set.");
    }

    private async Task<(AppDbContext Db, string AlexId, string SamId)> SeededAsync()
    {
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        }

        var alex = (await app.Users.FindByEmailAsync(DemoSeeder.AlexEmail))!;
        var sam = (await app.Users.FindByEmailAsync(DemoSeeder.SamEmail))!;
        var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return (db, alex.Id, sam.Id);
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CoupleConnect.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("CoupleConnect.sln was not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"`(?<zone>[A-Z][A-Za-z_]+/[A-Za-z_/+-]+)`")]
    private static partial Regex TimeZoneInBackticks();
}
