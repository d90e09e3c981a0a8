using CoupleConnect.Domain.CheckIns;
using CoupleConnect.Domain.Talks;
using CoupleConnect.Web.Infrastructure.Data;

namespace CoupleConnect.Web.Features.Demo;

/// <summary>The demo couple's past talk: held at <c>held</c> (a week ago, 20:00), two turns (one "Not quite"), and what each will try.</summary>
internal static class DemoTalks
{
    public static void Add(AppDbContext db, Guid coupleId, DemoPartners partners, DateTimeOffset held)
    {
        var (alex, sam) = (partners.Alex, partners.Sam);
        var proposed = held.AddDays(-1);
        var talk = Talk.Propose(coupleId, sam, alex, Text("How we share the evenings", TalkText.TopicMaxLength), 30, held, proposed);
        talk.Accept(alex, proposed.AddHours(1));
        talk.Begin(sam, held);
        talk.Speak(sam, Text("I feel a bit alone in the evenings when we're both on our phones. I'd love some time that's just us, even twenty minutes.", TalkText.SaidMaxLength), held.AddMinutes(2));
        talk.Reflect(alex, Text("You'd like us to stop scrolling in the evenings.", TalkText.ReflectionMaxLength), held.AddMinutes(4));
        talk.Answer(sam, ReflectionVerdict.NotQuite, Text("It's less about the phones, more about feeling close to you.", TalkText.ClarificationMaxLength), held.AddMinutes(5));
        talk.Reflect(alex, Text("You miss feeling close to me at the end of the day, and a little time together would help.", TalkText.ReflectionMaxLength), held.AddMinutes(7));
        talk.Answer(sam, ReflectionVerdict.ThatsIt, null, held.AddMinutes(8));
        talk.Speak(alex, Text("I feel tired after work and need a bit of quiet first. Then I'm happy to be together.", TalkText.SaidMaxLength), held.AddMinutes(10));
        talk.Reflect(sam, Text("You need a short quiet moment after work, and then you'd like time with me too.", TalkText.ReflectionMaxLength), held.AddMinutes(12));
        talk.Answer(alex, ReflectionVerdict.ThatsIt, null, held.AddMinutes(13));
        talk.End(sam, held.AddMinutes(25));
        talk.NameNextStep(alex, Text("I'll take twenty quiet minutes, then put my phone in the hall and come find you.", TalkText.NextStepMaxLength), held.AddMinutes(26));
        talk.NameNextStep(sam, Text("I'll give you that quiet first, then suggest a short walk or tea together.", TalkText.NextStepMaxLength), held.AddMinutes(27));
        db.Talks.Add(talk);
    }

    private static TalkText Text(string value, int maxLength) =>
        TalkText.TryParse(value, maxLength, "demo text", out var text, out var problem) ? text! : throw new InvalidOperationException(problem);
}
