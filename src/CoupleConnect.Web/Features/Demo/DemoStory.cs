using CoupleConnect.Domain.Story;
using CoupleConnect.Web.Infrastructure.Data;

namespace CoupleConnect.Web.Features.Demo;

/// <summary>The demo couple's story: how they met, a hard time they got through, a team moment, and what they're building next; each has the other's side on one.</summary>
internal static class DemoStory
{
    public static void Add(AppDbContext db, Guid coupleId, DemoPartners partners, DateOnly today, DateTimeOffset now)
    {
        var written = now.AddDays(-30);
        var met = Moment(coupleId, partners.Sam, written, "How we found each other", today.AddYears(-6).AddMonths(-5), "summer, six years ago",
            "A friend's allotment party. Alex was the only one who knew how to light the barbecue, and asked me to hold the torch.");
        var flat = Moment(coupleId, partners.Alex, written.AddMinutes(20), "Our first flat, and the leaking roof", today.AddYears(-4).AddMonths(-2), null,
            "The rain came through the bedroom ceiling on the first night. We slept in the kitchen and laughed about it for a week.");
        var hard = Moment(coupleId, partners.Alex, written.AddMinutes(25), "When Dad was in hospital", today.AddYears(-2).AddMonths(-1), "that long winter",
            "Sam drove me there every weekend and never once made it about the drive.", hardTime: true);
        var team = Moment(coupleId, partners.Sam, written.AddDays(2), "A time we surprised ourselves as a team", today.AddMonths(-8), null,
            "We moved house in one day with a borrowed van and no arguments. Well, one.");
        var next = Moment(coupleId, partners.Alex, written.AddDays(3), "What we're building next", today.AddYears(1), "next spring",
            "A small garden: tomatoes for Sam, a bench for me.");
        db.StoryMoments.AddRange(met, flat, hard, team, next);

        db.StorySides.Add(StorySide.Write(met, partners.Alex, Side("I remember thinking you held the torch like it was a very important job. It was."), written.AddHours(3), null));
        db.StorySides.Add(StorySide.Write(hard, partners.Sam, Side("I remember the motorway services coffee. It became our little ritual."), written.AddHours(4), null));
    }

    private static StoryMoment Moment(Guid coupleId, string author, DateTimeOffset at, string title, DateOnly day, string? rough, string text, bool hardTime = false) =>
        MomentWords.TryParse(title, day, rough, text, hardTime, DateOnly.FromDateTime(at.UtcDateTime), out var words, out var problem)
            ? StoryMoment.Write(coupleId, author, words!, at, visibleToPartnerFrom: null)
            : throw new InvalidOperationException($"Demo moment is invalid ({problem}): {title}");

    private static SideText Side(string words) =>
        SideText.TryParse(words, out var text, out var problem) ? text! : throw new InvalidOperationException($"Demo side is invalid ({problem}): {words}");
}
