using System.Globalization;
using CoupleConnect.Domain.CheckIns;
using Microsoft.Extensions.Time.Testing;

namespace CoupleConnect.Domain.Tests.CheckIns;

/// <summary>The couple, the day, the people and the small question bank every check-in test starts from.</summary>
internal static class Asking
{
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The couple-local day of <see cref="Start"/>.</summary>
    public static readonly DateOnly Today = new(2026, 11, 25);

    public static readonly Guid CoupleId = Guid.Parse("0f3c2a9e-5b7d-4e1a-9c8b-2d6f4a1e7b30");

    public const string Alex = "alex-id";

    public const string Sam = "sam-id";

    /// <summary>Someone who is not in the couple.</summary>
    public const string Robin = "robin-id";

    public const int QuestionId = 21;

    /// <summary>
    /// Four light, three medium and three deep questions, listed out of id order on purpose: the selector must not
    /// depend on the order the bank arrives in.
    /// </summary>
    public static IReadOnlyList<Question> Bank { get; } =
    [
        new(31, "What is one hurt between us you wish we could talk about more gently?", QuestionCategory.Repair, QuestionDepth.Deep),
        new(12, "What was the best bite of food you had today?", QuestionCategory.HighsAndLows, QuestionDepth.Light),
        new(21, "What is one thing you need more of from me this week?", QuestionCategory.Needs, QuestionDepth.Medium),
        new(11, "What was one moment today when you felt cared for by me?", QuestionCategory.FeelingCaredFor, QuestionDepth.Light),
        new(33, "What dream have you not said out loud to me yet?", QuestionCategory.DreamsAndGoals, QuestionDepth.Deep),
        new(14, "Which song would you put on for our next long drive?", QuestionCategory.Fun, QuestionDepth.Light),
        new(22, "Which memory of our first year do you come back to most?", QuestionCategory.Memories, QuestionDepth.Medium),
        new(13, "What is one small thing I did this week that you noticed?", QuestionCategory.Appreciation, QuestionDepth.Light),
        new(32, "When did you last feel alone while we were together?", QuestionCategory.Needs, QuestionDepth.Deep),
        new(23, "What is one goal of yours I could help with this month?", QuestionCategory.DreamsAndGoals, QuestionDepth.Medium),
    ];

    public static IReadOnlyList<int> IdsOf(QuestionDepth depth) =>
        Bank.Where(question => question.Depth == depth).Select(question => question.Id).Order().ToList();

    public static FakeTimeProvider Clock() => new(Start);

    public static DailyQuestion TodaysQuestion(FakeTimeProvider clock) => DailyQuestion.For(CoupleId, Today, QuestionId, clock.GetUtcNow());

    /// <summary>Alex answers, an hour later Sam answers: the answers are revealed.</summary>
    public static DailyQuestion Revealed(FakeTimeProvider clock)
    {
        var question = TodaysQuestion(clock);
        question.Answer(Alex, Answer("I felt cared for when you made me tea."), Today, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromHours(1));
        question.Answer(Sam, Answer("When you listened to me on the way home."), Today, clock.GetUtcNow());
        return question;
    }

    public static CheckInText Answer(string value) => Parse(value, CheckInText.AnswerMaxLength, "answer");

    public static CheckInText Reflection(string value) => Parse(value, CheckInText.ReflectionMaxLength, "reflection");

    private static CheckInText Parse(string value, int maxLength, string what) =>
        CheckInText.TryParse(value, maxLength, what, out var text, out var problem) ? text! : throw new InvalidOperationException(problem);

    /// <summary>Runs <paramref name="action"/> with the thread's current culture set to <paramref name="name"/>.</summary>
    public static T InCulture<T>(string name, Func<T> action)
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
        try
        {
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }
}
