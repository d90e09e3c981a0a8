using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Temperature;
using CoupleConnect.Web.Infrastructure.Data;

namespace CoupleConnect.Web.Features.Demo;

/// <summary>
/// The demo couple's weekly temperature: the last 11 weeks answered by both (so revealed), with a harder week for Alex
/// last week (a drop of 3, so the home page gently offers a talk or time together), and this week Sam's answer only, so
/// Alex has one to give and both see the reveal.
/// </summary>
internal static class DemoTemperature
{
    private static readonly (int Alex, string AlexGain, string AlexWish, int Sam, string SamGain, string SamWish)[] Weeks =
    [
        (6, "We finally unpacked the last boxes together.", "A lazy Sunday morning.", 5, "You made me laugh when I was stressed.", "More time outside."),
        (7, "Cooking the curry together, badly and happily.", "Dancing in the kitchen again.", 6, "We talked about the holiday without arguing.", "An evening with no screens."),
        (7, "You waited up for me after the late shift.", "A proper breakfast together.", 7, "The walk by the canal on Saturday.", "Call my sister together."),
        (8, "Our first date night in ages.", "Keep Friday for us.", 7, "You noticed I was tired and took over dinner.", "Sleep in on Sunday."),
        (6, "We said sorry quickly after Tuesday.", "Less rushing in the mornings.", 7, "Reading together in bed.", "Try the new bakery."),
        (7, "Sunday walk, even in the rain.", "Plan the weekend together.", 8, "You brought me tea without asking.", "A picnic if it's sunny."),
        (8, "Laughing about the burnt pancakes.", "More silly evenings.", 7, "We planned the summer together.", "One evening just for us."),
        (8, "You remembered my big meeting.", "A long walk on Saturday.", 8, "Dinner with our friends felt easy.", "Board games night."),
        (7, "Quiet evening on the sofa.", "Help each other with the chores.", 8, "You fixed the bike and we rode together.", "Visit the market."),
        (8, "The market trip and the flowers.", "Keep the phones away at dinner.", 7, "We talked about my worries and you listened.", "Go to bed at the same time."),
        (5, "Even on a hard week, we had our Sunday talk.", "More time just the two of us.", 7, "We kept our dinner ritual going.", "A slow weekend together."),
    ];

    public static void Add(AppDbContext db, Guid coupleId, DemoPartners partners, TimeZoneId zone, DateTimeOffset now)
    {
        var weeks = TemperatureWeeks.LastWeeks(zone, now);
        for (var index = 0; index < Weeks.Length; index++)
        {
            var week = weeks[index];
            var (alex, alexGain, alexWish, sam, samGain, samWish) = Weeks[index];
            var sunday = EveningOf(week.AddDays(6), zone);
            db.TemperatureAnswers.Add(TemperatureAnswer.Write(coupleId, partners.Sam, week, Words(sam, samGain, samWish), sunday, null));
            db.TemperatureAnswers.Add(TemperatureAnswer.Write(coupleId, partners.Alex, week, Words(alex, alexGain, alexWish), sunday.AddMinutes(40), null));
        }

        db.TemperatureAnswers.Add(TemperatureAnswer.Write(coupleId, partners.Sam, weeks[^1], Words(7, "You made time for our talk, and it helped.", "A walk together, just us."), now.AddHours(-2), null));
    }

    private static DateTimeOffset EveningOf(DateOnly day, TimeZoneId zone) =>
        new(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(19, 30)), zone.Zone), TimeSpan.Zero);

    private static TemperatureWords Words(int connected, string gain, string wish) =>
        TemperatureWords.TryParse(connected, gain, wish, out var words, out var problem) ? words! : throw new InvalidOperationException($"Demo temperature answer is invalid ({problem}).");
}
