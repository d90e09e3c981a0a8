using CoupleConnect.Web.Features.CheckIns;
using CoupleConnect.Web.Features.Dashboard;
using CoupleConnect.Web.Features.Rituals;

namespace CoupleConnect.Web.Tests.Dashboard;

/// <summary>
/// The couple's home puts one thing first (issue 15 item 9): today's question, tonight's gratitude, a ritual that is
/// due, or "all set" — and lists today's other things once each, one tap away. The question card is stubbed (it
/// loads its own day); the rule behind the choice is tested in the domain (TheOneThingNow).
/// </summary>
public sealed class CoupleHomeFirstScreenTests : DashboardTestContext
{
    private static readonly DateTimeOffset BerlinMorning = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset BerlinEvening = new(2026, 11, 25, 19, 0, 0, TimeSpan.Zero);

    public CoupleHomeFirstScreenTests() => ComponentFactories.AddStub<CheckInPanel>("<div id=\"question-card\">today's question</div>");

    [Fact]
    public void PutsTodaysQuestionFirstInTheMorningAndDoesNotRepeatItBelow()
    {
        var home = RenderHome(Berlin(), BerlinMorning);

        Assert.Equal("Question", home.Find("#now-first").GetAttribute("data-now"));
        Assert.Single(home.FindAll("#now-first #question-card"));
        Assert.Empty(home.FindAll("[data-also='question']"));
        Assert.Empty(home.FindAll("a[href='checkin/2026-11-25']"));
        Assert.Equal(["gratitude", "positives", "rituals"], AlsoToday(home));
    }

    [Fact]
    public void PutsTonightsGratitudeFirstInTheEveningWithTheQuestionOneTapAway()
    {
        var home = RenderHome(Berlin(mine: QuestionStatus.NotAnswered, partners: QuestionStatus.Answered), BerlinEvening);

        Assert.Equal("Gratitude", home.Find("#now-first").GetAttribute("data-now"));
        Assert.Single(home.FindAll("#now-first #gratitude-card"));
        Assert.Empty(home.FindAll("#question-card"));
        Assert.Equal(["question", "positives", "rituals"], AlsoToday(home));
        Assert.Equal("checkin/2026-11-25", home.Find("[data-also='question'] a").GetAttribute("href"));
        Assert.Equal("Alex answered. Your turn", home.Find("#also-question-status").TextContent.Trim());
    }

    [Fact]
    public void PutsARitualThatStartsWithinTwoHoursFirst()
    {
        var ritualId = Guid.NewGuid();
        var dateNight = new OccurrenceView(ritualId, "Date night, no screens", Today, BerlinEvening.AddMinutes(90), BerlinEvening.AddMinutes(210),
            "Wednesday 25 November, 21:30", null, false, false);

        var home = RenderHome(Berlin(), BerlinEvening, new UpcomingRituals([], [dateNight]));

        Assert.Equal("Ritual", home.Find("#now-first").GetAttribute("data-now"));
        Assert.Equal("Coming up", home.Find("#ritual-now-when").TextContent.Trim());
        Assert.Equal("Wednesday 25 November, 21:30, in 1 h 30 min.", home.Find("#ritual-now-time").TextContent.Trim());
        Assert.Equal($"rituals/{ritualId}", home.Find("#ritual-now-open").GetAttribute("href"));
        Assert.Equal(["question", "gratitude", "positives"], AlsoToday(home));
    }

    [Fact]
    public void SaysAllIsSetAndShowsTheAnswersOnceYouAnsweredAndThanked()
    {
        var home = RenderHome(Berlin(mine: QuestionStatus.Revealed, partners: QuestionStatus.Revealed, iThanked: true), BerlinEvening);

        Assert.Equal("AllDone", home.Find("#now-first").GetAttribute("data-now"));
        Assert.Equal("You're all set for now. Here's what you both wrote.", home.Find("#all-done").TextContent.Trim());
        Assert.Single(home.FindAll("#now-first #question-card"));
        Assert.Empty(home.FindAll("#gratitude-card"));
        Assert.Equal(["gratitude", "positives", "rituals"], AlsoToday(home));
        Assert.Equal("You shared one tonight", home.Find("#also-gratitude-status").TextContent.Trim());
    }

    [Fact]
    public void ChoosesByThePartnersOwnEveningNotTheHomeZones()
    {
        // 20:00 in Berlin is 14:00 in New York: the New York partner who answered has nothing waiting yet.
        var home = RenderHome(View(QuestionStatus.Answered) with { MyTimeZone = "America/New_York" }, BerlinEvening);

        Assert.Equal("AllDone", home.Find("#now-first").GetAttribute("data-now"));
    }

    [Fact]
    public void ChangesWhatComesFirstWhenThePartnersActivityArrives()
    {
        var home = RenderHome(Berlin(), BerlinEvening);
        Assert.Equal("Gratitude", home.Find("#now-first").GetAttribute("data-now"));

        home.Render(parameters => parameters.Add(today => today.View, Berlin(mine: QuestionStatus.Revealed, partners: QuestionStatus.Revealed, iThanked: true)));

        Assert.Equal("AllDone", home.Find("#now-first").GetAttribute("data-now"));
    }

    private static DashboardView Berlin(QuestionStatus mine = QuestionStatus.NotAnswered, QuestionStatus partners = QuestionStatus.NotAnswered, bool iThanked = false) =>
        View(mine, partners, iThanked) with { MyTimeZone = "Europe/Berlin" };

    private static List<string?> AlsoToday(IRenderedComponent<CoupleToday> home) =>
        home.FindAll("#also-today li").Select(item => item.GetAttribute("data-also")).ToList();

    private IRenderedComponent<CoupleToday> RenderHome(DashboardView view, DateTimeOffset now, UpcomingRituals? rituals = null) =>
        Render<CoupleToday>(parameters => parameters
            .Add(today => today.View, view)
            .Add(today => today.Now, now)
            .Add(today => today.Rituals, rituals ?? new UpcomingRituals([], [])));
}
