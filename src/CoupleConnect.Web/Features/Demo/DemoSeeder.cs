using CoupleConnect.Domain.CheckIns;
using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Couples;
using CoupleConnect.Domain.Positives;
using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.Demo;

/// <summary>
/// `./run.sh --demo`: a demo couple with twelve weeks of believable history, so a newcomer sees a living dashboard at
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
    private const int Weeks = 12;
    private static readonly TimeZoneId Zone = TimeZoneId.Parse("Europe/London");

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

    private async Task CreateCoupleWithHistoryAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var start = now.AddDays(-7 * Weeks);
        var alex = await CreateUserAsync(AlexEmail, "Alex", start, cancellationToken);
        var sam = await CreateUserAsync(SamEmail, "Sam", start, cancellationToken);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var invite = Invite.Issue(alex.Id, InviteSecret.Generate(codeKey.Value), [], start);
        var couple = invite.Accept(new CouplePartner(alex.Id, "Alex", Zone), new CouplePartner(sam.Id, "Sam", Zone), false, false, start.AddHours(2));
        db.Invites.Add(invite);
        db.Couples.Add(couple);

        // A fixed seed: every demo looks the same, which makes screenshots and bug reports comparable.
        var random = new Random(20261125);
        var firstDay = Zone.LocalDate(start).AddDays(1);
        var today = Zone.LocalDate(now);
        var asked = new List<int>();
        for (var day = firstDay; day < today; day = day.AddDays(1))
        {
            AddQuestionDay(db, couple.Id, day, alex.Id, sam.Id, asked, random, firstDay);
            AddPositives(db, couple.Id, day, alex.Id, sam.Id, random);
        }

        await DemoRituals.AddAsync(db, couple.Id, alex.Id, sam.Id, Zone, firstDay, now, random, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A confirmed account with the same reminders a sign-up gets, made through the one account lifecycle.</summary>
    private async Task<ApplicationUser> CreateUserAsync(string email, string name, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        var created = await accounts.CreateConfirmedAsync(new NewAccount(email, name, Zone.Value, Password) { CreatedAt = createdAt }, cancellationToken);
        return created.Value ?? throw new InvalidOperationException("Could not create the demo account: " + created.Error);
    }

    /// <summary>Most days both answer; some days one partner forgets, and the question waits for them.</summary>
    private static void AddQuestionDay(AppDbContext db, Guid coupleId, DateOnly day, string alexId, string samId, List<int> asked, Random random, DateOnly pairedOn)
    {
        if (random.NextDouble() < 0.12)
        {
            return;
        }

        var question = QuestionSelector.Choose(QuestionBank.All, asked, DepthPreference.Automatic, pairedOn, day, coupleId);
        asked.Add(question.Id);
        var morning = At(day, 7, random);
        var daily = DailyQuestion.For(coupleId, day, question.Id, morning);
        daily.Answer(alexId, Text(DemoWords.Answers, random), day, At(day, 8, random));
        if (random.NextDouble() < 0.85)
        {
            daily.Answer(samId, Text(DemoWords.Answers, random), day, At(day, 19, random));
        }

        db.DailyQuestions.Add(daily);
    }

    private static void AddPositives(AppDbContext db, Guid coupleId, DateOnly day, string alexId, string samId, Random random)
    {
        foreach (var (author, about) in new[] { (alexId, samId), (samId, alexId) })
        {
            if (random.NextDouble() < 0.55)
            {
                var gratitude = Positive.Gratitude(coupleId, author, about, Note(DemoWords.Gratitude, random), day, At(day, 21, random));
                Acknowledge(gratitude, about, day, random);
                db.Positives.Add(gratitude);
            }

            for (var count = random.Next(0, 3); count > 0; count--)
            {
                var kinds = Enum.GetValues<PositiveKind>().Where(kind => kind != PositiveKind.Gratitude).ToArray();
                var kind = kinds[random.Next(kinds.Length)];
                var note = random.NextDouble() < 0.6 ? Note(DemoWords.NoteFor(kind), random) : null;
                var positive = Positive.Log(coupleId, author, about, kind, note, day, day, At(day, 12, random));
                Acknowledge(positive, about, day, random);
                db.Positives.Add(positive);
            }
        }
    }

    private static void Acknowledge(Positive positive, string about, DateOnly day, Random random)
    {
        if (random.NextDouble() < 0.6)
        {
            positive.Acknowledge(about, At(day, 22, random));
        }
    }

    private static DateTimeOffset At(DateOnly day, int hour, Random random)
    {
        var local = day.ToDateTime(new TimeOnly(hour, random.Next(0, 60)));
        return new DateTimeOffset(local, Zone.Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static CheckInText Text(string[] choices, Random random) =>
        CheckInText.TryParse(choices[random.Next(choices.Length)], CheckInText.AnswerMaxLength, "answer", out var text, out _) ? text! : throw new InvalidOperationException("Demo text is invalid.");

    private static PositiveNote Note(IReadOnlyList<string> choices, Random random) =>
        PositiveNote.TryParse(choices[random.Next(choices.Count)], "note", out var note, out _) ? note! : throw new InvalidOperationException("Demo note is invalid.");
}
