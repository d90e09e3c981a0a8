using CoupleConnect.Domain.Positives;
using CoupleConnect.Domain.Rituals;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Rituals;

namespace CoupleConnect.IntegrationTests.Rituals;

/// <summary>
/// The guided monthly reflection (first Sunday of the month, 19:00): the month looked back on (positives and the
/// questions both answered since the last session), each partner's "went well" and goal, hidden from the other until
/// both wrote. The clock stays at Sunday 7 March 2027, 11:00 in Berlin: a session day, eight hours before it starts.
/// </summary>
public sealed class TheMonthlyReflection(March2027AppFixture app) : IClassFixture<March2027AppFixture>
{
    private static readonly DateOnly Session = new(2027, 3, 7);
    private static readonly DateOnly PreviousSession = new(2027, 2, 7);

    private AppDriver Driver => app.ClockedDriver;

    [Fact]
    public async Task TheReflectionLooksBackOnTheMonthsPositivesAndTheQuestionsBothAnswered()
    {
        var couple = await app.NewCoupleAsync();
        var id = await CreateReflectionAsync(couple);
        await Driver.LogPositiveAsync(couple.Inviter, PositiveKind.Help, "You fixed the bike's brakes.", new DateOnly(2027, 2, 20));
        await Driver.LogPositiveAsync(couple.Partner, PositiveKind.KindWord, "Thank you for Sunday.", Session);
        await Driver.LogPositiveAsync(couple.Inviter, PositiveKind.Affection, "Before the last session.", new DateOnly(2027, 2, 5));
        var question = await Driver.AnswerTodayAsync(couple.Inviter, "The week at the lake.");

        var view = await Driver.ReflectionAsync(couple.Inviter, id, Session);

        Assert.Equal((id, Session, PreviousSession, Session), (view.RitualId, view.Day, view.From, view.To));
        Assert.Equal((1, 1), (view.MyPositives, view.PartnerPositives));
        Assert.Equal(
            new HashSet<(DateOnly, string, PositiveKind, string?)> { (new DateOnly(2027, 2, 20), "Alex", PositiveKind.Help, "You fixed the bike's brakes."), (Session, "Sam", PositiveKind.KindWord, "Thank you for Sunday.") },
            view.Positives.Select(positive => (positive.Day, positive.AuthorName, positive.Kind, positive.Note)).ToHashSet());
        Assert.Empty(view.Questions); // only Alex answered: the question isn't revealed, so it isn't looked back on either

        await Driver.AnswerAsync(couple.Partner, question.Day, "Your laugh at the karaoke.");

        var mine = Assert.Single((await Driver.ReflectionAsync(couple.Inviter, id, Session)).Questions);
        Assert.Equal((question.Day, question.QuestionText, "The week at the lake.", "Your laugh at the karaoke."), (mine.Day, mine.Question, mine.MyAnswer, mine.PartnerAnswer));
        var theirs = Assert.Single((await Driver.ReflectionAsync(couple.Partner, id, Session)).Questions);
        Assert.Equal(("Your laugh at the karaoke.", "The week at the lake."), (theirs.MyAnswer, theirs.PartnerAnswer));

        // The first session looks back a month, having no session before it.
        var first = await Driver.ReflectionAsync(couple.Partner, id, PreviousSession);
        Assert.Equal((new DateOnly(2027, 1, 7), PreviousSession), (first.From, first.To));
        Assert.Equal((0, 1), (first.MyPositives, first.PartnerPositives));
    }

    [Fact]
    public async Task EachPartnersEntryIsHiddenFromTheOtherUntilBothHaveWritten()
    {
        var couple = await app.NewCoupleAsync();
        var id = await CreateReflectionAsync(couple);

        await Driver.WriteReflectionAsync(couple.Inviter, id, Session, "We kept Sundays free.", "Learn to make ramen.");

        var alex = await Driver.ReflectionAsync(couple.Inviter, id, Session);
        Assert.Equal(new ReflectionEntryView("Alex", "We kept Sundays free.", "Learn to make ramen.", true), alex.Mine);
        Assert.Equal(new ReflectionEntryView("Sam", null, null, false), alex.Partner);
        Assert.False(alex.BothWrote);
        Assert.True(alex.CanWrite);
        var sam = await Driver.ReflectionAsync(couple.Partner, id, Session);
        Assert.Equal(new ReflectionEntryView("Sam", null, null, false), sam.Mine);
        Assert.Equal(new ReflectionEntryView("Alex", null, null, true), sam.Partner); // Sam knows Alex wrote, not what

        await Driver.WriteReflectionAsync(couple.Partner, id, Session, "Fewer late nights.", "A weekend without laptops.");

        alex = await Driver.ReflectionAsync(couple.Inviter, id, Session);
        sam = await Driver.ReflectionAsync(couple.Partner, id, Session);
        Assert.True(alex.BothWrote && sam.BothWrote);
        Assert.Equal(new ReflectionEntryView("Sam", "Fewer late nights.", "A weekend without laptops.", true), alex.Partner);
        Assert.Equal(new ReflectionEntryView("Alex", "We kept Sundays free.", "Learn to make ramen.", true), sam.Partner);

        // Rewriting one's own entry changes only it.
        await Driver.WriteReflectionAsync(couple.Inviter, id, Session, "We kept Sundays free, mostly.", "Learn to make ramen.");
        Assert.Equal("We kept Sundays free, mostly.", (await Driver.ReflectionAsync(couple.Partner, id, Session)).Partner.WentWell);
        Assert.Equal("Fewer late nights.", (await Driver.ReflectionAsync(couple.Partner, id, Session)).Mine.WentWell);
        Assert.Equal(2, (await app.Tables.CountsAsync(couple.CoupleId)).Reflections);
    }

    [Fact]
    public async Task OnlyTheReflectionsOwnSessionsFromTheDayBeforeAndSensibleTextAreAccepted()
    {
        var couple = await app.NewCoupleAsync();
        var id = await CreateReflectionAsync(couple);
        var weekly = await Driver.CreateRitualAsync(couple.Inviter, RitualForms.Weekly("Date night", Session, "19:30", DayOfWeek.Sunday));
        var before = await app.Tables.SnapshotAsync(couple.CoupleId);

        var refusals = new (string What, Web.Infrastructure.ServiceResult Result, string Expected)[]
        {
            ("another ritual's page", await Write(couple.Inviter, weekly, Session, "Fine.", "More."), RitualOccurrencesService.NotAReflectionMessage),
            ("a day without a session", await Write(couple.Inviter, id, Session.AddDays(-1), "Fine.", "More."), RitualOccurrencesService.NotAnOccurrenceMessage),
            ("next month's session", await Write(couple.Inviter, id, new DateOnly(2027, 4, 4), "Fine.", "More."), RitualOccurrencesService.NotYetMessage),
            ("a goal of 301 characters", await Write(couple.Partner, id, Session, "Fine.", new string('g', RitualText.GoalMaxLength + 1)), "Please keep your goal for next month to 300 characters (this one has 301). Nothing was saved; shorten it and try again."),
            ("nothing about what went well", await Write(couple.Partner, id, Session, " ", "More."), "Please write your \"what went well\" first."),
            ("an unknown ritual", await Write(couple.Partner, Guid.NewGuid(), Session, "Fine.", "More."), RitualsService.GoneMessage),
        };

        Assert.All(refusals, refusal => Assert.True(refusal.Result.Error == refusal.Expected, $"{refusal.What}: {refusal.Result.Error ?? "accepted"}"));
        Assert.Equal(before, await app.Tables.SnapshotAsync(couple.CoupleId));

        var notAReflection = await Driver.OccurrencesAsync(couple.Partner, occurrences => occurrences.GetReflectionAsync(weekly, Session));
        Assert.Equal((false, RitualOccurrencesService.NotAReflectionMessage), (notAReflection.Succeeded, notAReflection.Error));
        var noSession = await Driver.OccurrencesAsync(couple.Partner, occurrences => occurrences.GetReflectionAsync(id, Session.AddDays(1)));
        Assert.Equal(RitualOccurrencesService.NotAnOccurrenceMessage, noSession.Error);

        // Writing is open from the day before (today, for tonight's session), but marking waits until it has started.
        Assert.Equal(RitualOccurrencesService.NotYetMessage, (await Driver.OccurrencesAsync(couple.Partner, occurrences => occurrences.MarkAsync(id, Session, RitualOutcomeStatus.Done))).Error);
        await Driver.WriteReflectionAsync(couple.Partner, id, Session, new string('w', RitualText.WentWellMaxLength), new string('g', RitualText.GoalMaxLength));
        Assert.False((await Driver.ReflectionAsync(couple.Partner, id, new DateOnly(2027, 4, 4))).CanWrite);
    }

    /// <summary>The template, starting in January: sessions on 7 February and 7 March (today, 19:00 in Berlin).</summary>
    private async Task<Guid> CreateReflectionAsync(PairedCouple couple)
    {
        var form = await Driver.RitualsAsync(couple.Partner, rituals => rituals.NewFormAsync(RitualTemplates.MonthlyReflection.Key));
        Assert.NotNull(form);
        form.StartDate = new DateOnly(2027, 1, 10);
        var id = await Driver.CreateRitualAsync(couple.Partner, form);
        Assert.True((await Driver.RitualAsync(couple.Inviter, id)).Summary.IsMonthlyReflection);
        return id;
    }

    private Task<Web.Infrastructure.ServiceResult> Write(TestPerson person, Guid ritualId, DateOnly day, string wentWell, string goal) =>
        Driver.OccurrencesAsync(person, occurrences => occurrences.WriteReflectionAsync(ritualId, day, wentWell, goal));
}
