using CoupleConnect.Domain.CheckIns;
using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Couples;
using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Demo;

/// <summary>
/// `./run.sh --demo`: a demo couple with six weeks of believable history, so a newcomer sees a living dashboard at
/// once. Idempotent: a second run only prints the sign-in details again. Development only.
/// </summary>
public sealed class DemoSeeder(
    UserManager<ApplicationUser> users,
    AccountLifecycle accounts,
    IDbContextFactory<AppDbContext> dbFactory,
    InviteCodeKey codeKey,
    TimeProvider timeProvider,
    ILogger<DemoSeeder> logger)
{
    public const string Password = "demo-couple-2026";
    public const string AlexEmail = "alex@demo.coupleconnect.local";
    public const string SamEmail = "sam@demo.coupleconnect.local";

    /// <summary>Where Alex lives; the README names it (a test keeps the two in step).</summary>
    public const string AlexTimeZone = "Europe/London";

    /// <summary>Where Sam lives: with Alex, in London.</summary>
    public const string SamTimeZone = "Europe/London";

    private static readonly TimeZoneId AlexZone = TimeZoneId.Parse(AlexTimeZone);
    private static readonly TimeZoneId SamZone = TimeZoneId.Parse(SamTimeZone);

    /// <summary>The couple's home is Alex's zone (the inviter's), where their days begin and end.</summary>
    private static readonly TimeZoneId Zone = AlexZone;

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await users.FindByEmailAsync(AlexEmail) is null)
        {
            await CreateCoupleWithHistoryAsync(cancellationToken);
        }

        logger.LogInformation(
            "Demo couple ready. Sign in as {AlexEmail} or {SamEmail}, password \"{Password}\" (one per browser or private window).",
            AlexEmail,
            SamEmail,
            Password);
    }

    /// <summary>
    /// The day each scripted question was asked, today's last: one day in eight passes without a question, as real
    /// weeks do.
    /// </summary>
    public static IReadOnlyList<DateOnly> QuestionDays(DateOnly today)
    {
        var count = DemoCheckIns.Days.Count;
        return [.. Enumerable.Range(0, count).Select(back => today.AddDays(-back - (back / 7))).Reverse()];
    }

    private async Task CreateCoupleWithHistoryAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var today = Zone.LocalDate(now);
        var questionDays = QuestionDays(today);
        var firstDay = questionDays[0];
        var start = At(firstDay.AddDays(-1), 20, 0);
        var alex = await CreateUserAsync(AlexEmail, "Alex", AlexZone, start, cancellationToken);
        var sam = await CreateUserAsync(SamEmail, "Sam", SamZone, start, cancellationToken);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var invite = Invite.Issue(alex.Id, InviteSecret.Generate(codeKey.Value), [], start);
        var couple = invite.Accept(new CouplePartner(alex.Id, "Alex", AlexZone), new CouplePartner(sam.Id, "Sam", SamZone), false, false, start.AddHours(1));
        db.Invites.Add(invite);
        db.Couples.Add(couple);

        // A fixed seed: every demo looks the same, which makes screenshots and bug reports comparable.
        var random = new Random(20261125);
        var partners = new DemoPartners(alex.Id, sam.Id);
        for (var index = 0; index < questionDays.Count; index++)
        {
            db.DailyQuestions.Add(DemoQuestionDay(couple.Id, questionDays[index], DemoCheckIns.Days[index], partners, now, random));
        }

        DemoPositives.Add(db, couple.Id, partners, firstDay, today, now, random, At);
        await DemoRituals.AddAsync(db, couple.Id, partners, Zone, firstDay, now, random, cancellationToken);
        DemoNeeds.Add(db, couple.Id, partners, now);
        DemoTalks.Add(db, couple.Id, partners, At(today.AddDays(-7), 20, 0));
        DemoTimeOuts.Add(db, couple.Id, partners, Zone, today);
        DemoGoals.Add(db, couple.Id, partners, now);

        DemoStory.Add(db, couple.Id, partners, today, now);

        DemoTemperature.Add(db, couple.Id, partners, Zone, now);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A confirmed account with the same reminders a sign-up gets, made through the one account lifecycle.</summary>
    private async Task<ApplicationUser> CreateUserAsync(string email, string name, TimeZoneId zone, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        var created = await accounts.CreateConfirmedAsync(new NewAccount(email, name, zone.Value, Password) { CreatedAt = createdAt }, cancellationToken);
        return created.Value ?? throw new InvalidOperationException("Could not create the demo account: " + created.Error);
    }

    /// <summary>
    /// One scripted day: Alex answers in the morning, Sam in the evening (today Sam answered first, and waits for Alex).
    /// Revealed answers often get a heart; yesterday's gets a reflection too.
    /// </summary>
    private static DailyQuestion DemoQuestionDay(Guid coupleId, DateOnly day, DemoCheckIn script, DemoPartners partners, DateTimeOffset now, Random random)
    {
        var question = QuestionBank.All.SingleOrDefault(candidate => candidate.Id == script.QuestionId);
        if (question?.Text != script.Question)
        {
            throw new InvalidOperationException($"Demo answers were written for question {script.QuestionId}, \"{script.Question}\", which the bank no longer asks in those words.");
        }

        var today = Zone.LocalDate(now);
        var daily = DailyQuestion.For(coupleId, day, question.Id, At(day, 6, random.Next(60)));
        if (script.Alex is not null)
        {
            daily.Answer(partners.Alex, Text(script.Alex, CheckInText.AnswerMaxLength), day, At(day, 8, random.Next(60)));
        }

        if (script.Sam is not null)
        {
            var answeredAt = day == today ? Earlier(At(day, 7, random.Next(60)), now) : At(day, 19, random.Next(60));
            daily.Answer(partners.Sam, Text(script.Sam, CheckInText.AnswerMaxLength), day, answeredAt);
        }

        if (daily.IsRevealed)
        {
            var yesterday = day == today.AddDays(-1);
            if (yesterday || random.NextDouble() < 0.5)
            {
                daily.ToggleHeart(partners.Alex);
            }

            if (yesterday || random.NextDouble() < 0.6)
            {
                daily.ToggleHeart(partners.Sam);
            }

            if (yesterday)
            {
                daily.Reflect(partners.Alex, Text(DemoCheckIns.AlexReflectsYesterday, CheckInText.ReflectionMaxLength), At(day, 21, 5));
                daily.RespondToReflection(partners.Sam, ReflectionVerdict.ThatsIt, null);
            }
        }

        return daily;
    }

    /// <summary>A time today that has already passed, and no earlier than today's midnight.</summary>
    private static DateTimeOffset Earlier(DateTimeOffset planned, DateTimeOffset now) =>
        planned <= now ? planned : new[] { now.AddMinutes(-20), At(Zone.LocalDate(now), 0, 1) }.Max();

    private static DateTimeOffset At(DateOnly day, int hour, int minute)
    {
        var local = day.ToDateTime(new TimeOnly(hour, minute));
        return new DateTimeOffset(local, Zone.Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static CheckInText Text(string words, int maxLength) =>
        CheckInText.TryParse(words, maxLength, "answer", out var text, out var problem) ? text! : throw new InvalidOperationException($"Demo text is invalid ({problem}): {words}");
}
