using CoupleConnect.Domain.Needs;
using CoupleConnect.Web.Infrastructure.Data;

namespace CoupleConnect.Web.Features.Demo;

/// <summary>The demo couple's needs: two each, one of Sam's being tried by Alex, and one of Alex's renegotiated.</summary>
internal static class DemoNeeds
{
    public static void Add(AppDbContext db, Guid coupleId, DemoPartners partners, DateTimeOffset now)
    {
        var weeksAgo = now.AddDays(-40);
        var samsDinner = Need.Write(coupleId, partners.Sam, Text("I feel more connected when we share our highs and lows at dinner, phones away."), 0, weeksAgo);
        var samsWalk = Need.Write(coupleId, partners.Sam, Text("I feel cared for when we take a short walk together on Sunday mornings."), 1, weeksAgo.AddMinutes(5));
        var alexsPlans = Need.Write(coupleId, partners.Alex, Text("I feel close when we plan one evening a week that's just for us."), 0, weeksAgo.AddHours(2));
        var alexsHug = Need.Write(coupleId, partners.Alex, Text("I feel safe when we hug for a moment before we leave for work."), 1, weeksAgo.AddHours(2).AddMinutes(3));

        // Life changed (a new job with late shifts): Alex renegotiated, and the old words stay in the history.
        var renegotiated = alexsPlans.Revise(partners.Alex, Text("I feel close when we keep one evening for us, whichever night my shifts allow."), now.AddDays(-12));
        samsDinner.StartTrying(partners.Alex, now.AddDays(-20));

        db.Needs.AddRange(samsDinner, samsWalk, alexsPlans, alexsHug);
        db.NeedVersions.Add(renegotiated!);
    }

    private static NeedText Text(string words) =>
        NeedText.TryParse(words, out var text, out var problem) ? text! : throw new InvalidOperationException($"Demo need is invalid ({problem}): {words}");
}
