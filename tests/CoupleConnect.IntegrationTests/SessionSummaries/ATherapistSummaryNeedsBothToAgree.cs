using CoupleConnect.Domain.Positives;
using CoupleConnect.Domain.SessionSummaries;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Tests.Shared;
using CoupleConnect.Web.Features.CheckIns;
using CoupleConnect.Web.Features.Positives;
using CoupleConnect.Web.Features.SessionSummaries;
using CoupleConnect.Web.Features.Story;
using CoupleConnect.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoupleConnect.IntegrationTests.SessionSummaries;

/// <summary>
/// The therapist summary through the real app on a fake clock (docs/adr/0039): made only when both agree, holding
/// only what both were shown and what each ticked of their own, open to both for 14 days, gone when withdrawn.
/// </summary>
public sealed class ATherapistSummaryNeedsBothToAgree(ClockedAppFixture app) : IClassFixture<ClockedAppFixture>
{
    private AppDriver Driver => app.ClockedDriver;

    [Fact]
    public async Task AlexProposesSamAcceptsBothReadTheSameSheetThenSamWithdrawsItAndItIsGoneForBoth()
    {
        var couple = await Driver.PairNewAsync();
        var (alex, sam) = (couple.Inviter, couple.Partner);
        await Driver.BothAnswerTodayAsync(couple, "Alex: the walk by the canal.", "Sam: the soup you made.");
        var alexsPositive = await Driver.LogPositiveAsync(alex, PositiveKind.Help, "Alex noticed: you fixed the gate.");
        var samsPositive = await Driver.LogPositiveAsync(sam, PositiveKind.KindWord, "Sam noticed: your patient voice.");
        await Driver.LogPositiveAsync(sam, PositiveKind.Affection, "Sam unticked: Sanderling.");

        var alexsEntries = await AsAsync(alex, summaries => summaries.MyEntriesAsync(Today.AddDays(-27), Today));
        Assert.All(alexsEntries, entry => Assert.Equal(alex.Id, entry.AuthorId)); // only Alex's own are offered to Alex
        var alexsAnswer = Assert.Single(alexsEntries, entry => entry.Kind == CheckInSummarySource.EntryKind);
        Assert.Equal("Alex: the walk by the canal.", alexsAnswer.Text);

        await ExpectOkAsync(alex, summaries => summaries.ProposeAsync(Today.AddDays(-27), Today, [Key(alexsAnswer), Positive(alexsPositive.Id)]));

        var samSees = (await AsAsync(sam, summaries => summaries.GetAsync()))!.Current!;
        Assert.Equal((SessionSummaryStatus.Proposed, false), (samSees.Status, samSees.ProposedByMe));
        Assert.Empty(samSees.MyTicks);
        Assert.Null(await AsAsync(alex, summaries => summaries.PrintableAsync())); // nothing until Sam agrees
        Assert.Null(await AsAsync(sam, summaries => summaries.PrintableAsync()));

        await ExpectOkAsync(sam, summaries => summaries.AcceptAsync([Positive(samsPositive.Id)]));

        foreach (var person in new[] { alex, sam })
        {
            var sheet = await AsAsync(person, summaries => summaries.PrintableAsync());
            Assert.NotNull(sheet);
            Assert.Equal(["Rituals kept", "Noticing each other", "The daily question", "Talks", "Time-outs"], sheet.Sections.Select(section => section.Title).Where(title => title is "Rituals kept" or "Noticing each other" or "The daily question" or "Talks" or "Time-outs"));
            var words = sheet.Entries.SelectMany(entries => entries.Entries).Select(entry => entry.Text).ToList();
            Assert.Equal(["Alex noticed: you fixed the gate.", "Alex: the walk by the canal.", "Sam noticed: your patient voice."], words.Order(StringComparer.Ordinal));
            var noticing = sheet.Sections.Single(section => section.Title == "Noticing each other");
            Assert.Contains(noticing.Facts, fact => fact.Label == "Positives noticed" && fact.Value.Contains($"{sam.DisplayName} 2", StringComparison.Ordinal));
        }

        await ExpectOkAsync(sam, summaries => summaries.WithdrawAsync());

        Assert.Null(await AsAsync(alex, summaries => summaries.PrintableAsync()));
        Assert.Null(await AsAsync(sam, summaries => summaries.PrintableAsync()));
        Assert.Equal(SessionSummaryStatus.Withdrawn, (await AsAsync(alex, summaries => summaries.GetAsync()))!.LastEnded);
        Assert.Equal(0, await TicksOfCoupleAsync(couple.CoupleId)); // nothing of it is kept
    }

    [Fact]
    public async Task AStoryMomentWrittenInTheRangeCanBeTickedAndCountsAsAdded()
    {
        var couple = await Driver.PairNewAsync();
        var moment = await Story.StoryTestKit.WriteMomentAsync(Driver, couple.Partner, "The night the boiler broke", new DateOnly(2019, 1, 12), "We laughed in our coats.", null);

        var samsEntries = await AsAsync(couple.Partner, summaries => summaries.MyEntriesAsync(Today.AddDays(-6), Today));
        var entry = Assert.Single(samsEntries, entry => entry.Kind == StorySummarySource.EntryKind);
        Assert.Equal((moment, "The night the boiler broke: We laughed in our coats."), (entry.Id, entry.Text));
        Assert.DoesNotContain(await AsAsync(couple.Inviter, summaries => summaries.MyEntriesAsync(Today.AddDays(-6), Today)), mine => mine.Kind == StorySummarySource.EntryKind);

        await ExpectOkAsync(couple.Inviter, summaries => summaries.ProposeAsync(Today.AddDays(-6), Today, []));
        await ExpectOkAsync(couple.Partner, summaries => summaries.AcceptAsync([Key(entry)]));

        var sheet = await AsAsync(couple.Inviter, summaries => summaries.PrintableAsync());
        Assert.Contains("The night the boiler broke: We laughed in our coats.", sheet!.Entries.SelectMany(entries => entries.Entries).Select(ticked => ticked.Text));
        Assert.Contains(sheet.Sections.Single(section => section.Title == "Our story").Facts, fact => fact.Value.Contains($"{couple.Partner.DisplayName} 1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DecliningMakesNothingAndTheProposerMayAskAgainLater()
    {
        var couple = await Driver.PairNewAsync();
        await ExpectOkAsync(couple.Inviter, summaries => summaries.ProposeAsync(Today.AddDays(-6), Today, []));

        await ExpectOkAsync(couple.Partner, summaries => summaries.DeclineAsync());

        Assert.Null(await AsAsync(couple.Inviter, summaries => summaries.PrintableAsync()));
        var alexSees = (await AsAsync(couple.Inviter, summaries => summaries.GetAsync()))!;
        Assert.Equal((null, SessionSummaryStatus.Declined, false), (alexSees.Current, alexSees.LastEnded, alexSees.LastEndedByMe));
        await ExpectOkAsync(couple.Inviter, summaries => summaries.ProposeAsync(Today.AddDays(-13), Today, []));
    }

    [Fact]
    public async Task NothingUnrevealedOrSomeoneElsesCanBeTickedAndTheRefusalChangesNothing()
    {
        var couple = await Driver.PairNewAsync();
        var (alex, sam) = (couple.Inviter, couple.Partner);
        await Driver.AnswerTodayAsync(alex, "Alex unrevealed: Phalarope.");
        var samsPositive = await Driver.LogPositiveAsync(sam, PositiveKind.Help, "Sam's own: Redshank.");

        var alexsEntries = await AsAsync(alex, summaries => summaries.MyEntriesAsync(Today.AddDays(-6), Today));
        Assert.DoesNotContain(alexsEntries, entry => entry.Text.Contains("Phalarope", StringComparison.Ordinal));
        var unrevealedId = await UnrevealedAnswerIdAsync(alex);

        await ExpectRefusedAsync(alex, summaries => summaries.ProposeAsync(Today.AddDays(-6), Today, [new EntryKey(CheckInSummarySource.EntryKind, unrevealedId)]), SessionSummaryRule.NotYourEntry);
        await ExpectRefusedAsync(alex, summaries => summaries.ProposeAsync(Today.AddDays(-6), Today, [Positive(samsPositive.Id)]), SessionSummaryRule.NotYourEntry);
        Assert.Null((await AsAsync(alex, summaries => summaries.GetAsync()))!.Current);
    }

    [Theory]
    [MemberData(nameof(HostileKinds))]
    public async Task HostileTicksAndRangesAreRefusedWithAClearMessage(string kind)
    {
        var couple = await Driver.PairNewAsync();

        await ExpectRefusedAsync(couple.Inviter, summaries => summaries.ProposeAsync(Today.AddDays(-6), Today, [new EntryKey(kind, Guid.NewGuid())]), SessionSummaryRule.NotYourEntry);
        await ExpectRefusedAsync(couple.Inviter, summaries => summaries.ProposeAsync(Today, Today.AddDays(-1), []), SessionSummaryRule.RangeBackwards);
        await ExpectRefusedAsync(couple.Inviter, summaries => summaries.ProposeAsync(Today, Today.AddDays(1), []), SessionSummaryRule.RangeInTheFuture);
        await ExpectRefusedAsync(couple.Inviter, summaries => summaries.ProposeAsync(DateOnly.MinValue, Today, []), SessionSummaryRule.RangeTooLong);
        Assert.Null((await AsAsync(couple.Inviter, summaries => summaries.GetAsync()))!.Current);
    }

    public static TheoryData<string> HostileKinds() => new(HostilePayloads.All.Select(payload => payload.Value).Append(PositiveSummarySource.EntryKind));

    [Fact]
    public async Task AnEntryDeletedAfterItWasTickedIsNotOnTheSheet()
    {
        var couple = await Driver.PairNewAsync();
        var positive = await Driver.LogPositiveAsync(couple.Inviter, PositiveKind.Help, "Alex noticed: Greenshank.");
        await ExpectOkAsync(couple.Inviter, summaries => summaries.ProposeAsync(Today.AddDays(-6), Today, [Positive(positive.Id)]));
        await ExpectOkAsync(couple.Partner, summaries => summaries.AcceptAsync([]));

        await ExpectOkAsync(couple.Inviter, summaries => Task.FromResult(ServiceResult.Ok), positives: positives => positives.DeleteAsync(positive.Id));

        var sheet = await AsAsync(couple.Partner, summaries => summaries.PrintableAsync());
        Assert.NotNull(sheet);
        Assert.Empty(sheet.Entries.SelectMany(entries => entries.Entries));
    }

    [Fact]
    public async Task TheSheetIsOpenForFourteenDaysThenGoneAndEndingTheCoupleWithdrawsIt()
    {
        var couple = await Driver.PairNewAsync();
        await ExpectOkAsync(couple.Inviter, summaries => summaries.ProposeAsync(Today.AddDays(-6), Today, []));
        await ExpectOkAsync(couple.Partner, summaries => summaries.AcceptAsync([]));

        app.Clock.Advance(SessionSummary.AvailableFor - TimeSpan.FromMinutes(1));
        Assert.NotNull(await AsAsync(couple.Inviter, summaries => summaries.PrintableAsync()));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(await AsAsync(couple.Inviter, summaries => summaries.PrintableAsync()));

        var second = await Driver.PairNewAsync();
        await ExpectOkAsync(second.Inviter, summaries => summaries.ProposeAsync(Today.AddDays(-6), Today, []));
        await ExpectOkAsync(second.Partner, summaries => summaries.AcceptAsync([]));
        await Driver.LeaveAsync(second.Partner);

        await using var db = await app.ClockedFactory.Services.GetRequiredService<IDbContextFactory<Web.Infrastructure.Data.AppDbContext>>().CreateDbContextAsync();
        var status = (await db.SessionSummaries.IgnoreQueryFilters().SingleAsync(summary => summary.CoupleId == second.CoupleId)).StatusAt(app.Clock.GetUtcNow());
        Assert.Equal(SessionSummaryStatus.Withdrawn, status);
    }

    private DateOnly Today => Domain.Common.TimeZoneId.Parse("Europe/Berlin").LocalDate(app.Clock.GetUtcNow());

    private static EntryKey Key(SummaryEntry entry) => new(entry.Kind, entry.Id);

    private static EntryKey Positive(Guid id) => new(PositiveSummarySource.EntryKind, id);

    private async Task<T> AsAsync<T>(TestPerson person, Func<SessionSummaryService, Task<T>> call)
    {
        await using var scope = Driver.AsUser(person);
        return await call(scope.Get<SessionSummaryService>());
    }

    private async Task ExpectOkAsync(TestPerson person, Func<SessionSummaryService, Task<ServiceResult>> call, Func<PositivesService, Task<ServiceResult>>? positives = null)
    {
        await using var scope = Driver.AsUser(person);
        var result = positives is null ? await call(scope.Get<SessionSummaryService>()) : await positives(scope.Positives);
        Assert.True(result.Succeeded, result.Error);
    }

    private async Task ExpectRefusedAsync(TestPerson person, Func<SessionSummaryService, Task<ServiceResult>> call, SessionSummaryRule rule)
    {
        var result = await AsAsync(person, call);
        Assert.False(result.Succeeded);
        Assert.Equal(SessionSummaryRuleException.MessageFor(rule), result.Error);
    }

    private async Task<int> TicksOfCoupleAsync(Guid coupleId)
    {
        await using var db = await app.ClockedFactory.Services.GetRequiredService<IDbContextFactory<Web.Infrastructure.Data.AppDbContext>>().CreateDbContextAsync();
        return await db.SummaryTicks.IgnoreQueryFilters().CountAsync(tick => db.SessionSummaries.IgnoreQueryFilters().Any(summary => summary.Id == tick.SummaryId && summary.CoupleId == coupleId));
    }

    private async Task<Guid> UnrevealedAnswerIdAsync(TestPerson author)
    {
        await using var db = await app.ClockedFactory.Services.GetRequiredService<IDbContextFactory<Web.Infrastructure.Data.AppDbContext>>().CreateDbContextAsync();
        return await db.CheckInAnswers.IgnoreQueryFilters().Where(answer => answer.AuthorId == author.Id).Select(answer => answer.Id).SingleAsync();
    }
}
