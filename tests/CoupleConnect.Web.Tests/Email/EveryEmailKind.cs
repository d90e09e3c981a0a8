using CoupleConnect.Domain.Reminders;
using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Features.Accounts.SensitiveChanges;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Features.Reminders;
using CoupleConnect.Web.Infrastructure;
using CoupleConnect.Web.Infrastructure.Email;
using Microsoft.Extensions.Configuration;

namespace CoupleConnect.Web.Tests.Email;

/// <summary>One email the app can send, composed for the test person, discreetly or not.</summary>
public sealed record EmailCase(string Name, string Factory, Func<bool, Task<EmailMessage>> Compose)
{
    public override string ToString() => Name;
}

/// <summary>
/// Every email the app sends, in one list. A new email is one more line here: a new <see cref="ReminderKind"/> in
/// <see cref="ReminderDetails"/>, anything else in <see cref="OtherEmails"/>. <see cref="EveryEmailIsDiscreetWhenAsked"/>
/// fails until it is listed (it looks for every reminder kind, security change, Identity email and email factory).
/// </summary>
public static class EveryEmailKind
{
    public const string Recipient = "Robin Alvarez";
    public const string Partner = "Jordan Pike";
    public const string RitualName = "Jordan's birthday dinner";

    /// <summary>What must never be in a discreet email's subject or preview: the people and what they named.</summary>
    public static readonly string[] Personal = [Recipient, "Robin", "Alvarez", Partner, "Jordan", "Pike", RitualName];

    private const string Address = "robin@example.test";
    private static readonly Uri Site = new("https://couples.example.org/");
    private static readonly DateOnly Day = new(2027, 3, 7);

    private static readonly SecurityNotices Notices = new(
        new CapturingMailSender(),
        new AppLinks(new ConfigurationBuilder().AddInMemoryCollection([new(AppLinks.PublicUrlKey, Site.ToString())]).Build(), server: null!));

    /// <summary>Each reminder kind with the facts it is composed from (ReminderEmails.Compose).</summary>
    public static readonly IReadOnlyDictionary<ReminderKind, Func<ReminderEmailFacts, ReminderEmailFacts>> ReminderDetails =
        new Dictionary<ReminderKind, Func<ReminderEmailFacts, ReminderEmailFacts>>
        {
            [ReminderKind.DailyQuestion] = facts => facts with { Question = new QuestionEmailFacts(Day, "What made you smile today?") },
            [ReminderKind.PartnerActivity] = facts => facts with { Question = new QuestionEmailFacts(Day, "What made you smile today?") },
            [ReminderKind.EveningGratitude] = facts => facts,
            [ReminderKind.WeeklySummary] = facts => facts with { SummaryParagraphs = [$"You and {Partner} answered five questions."] },
            [ReminderKind.RitualReminder] = facts => facts with { Ritual = new RitualEmailFacts(Guid.CreateVersion7(), RitualName, "Friday at 19:00", "2 hours") },
            [ReminderKind.RitualDayBefore] = facts => facts with { Ritual = new RitualEmailFacts(Guid.CreateVersion7(), RitualName, "Friday at 19:00", "2 hours") },
            [ReminderKind.TalkComingUp] = facts => facts with { Talk = new TalkEmailFacts(Guid.CreateVersion7(), "Friday 11 December, 20:00", 30) },
            [ReminderKind.TimeOutNotice] = facts => facts with { TimeOut = new TimeOutEmailFacts("Monday 7 December at 19:00") },
            [ReminderKind.TimeOutReturn] = facts => facts with { TimeOut = new TimeOutEmailFacts("Monday 7 December at 19:00") },
            [ReminderKind.TimeOutReturnExtended] = facts => facts with { TimeOut = new TimeOutEmailFacts("Monday 7 December at 19:00") },
            [ReminderKind.PartnerLeft] = facts => facts with { CoupleEnded = new CoupleEndedEmailFacts(Partner, "7 January 2027") },
            [ReminderKind.WeeklyTemperature] = facts => facts,
        };

    /// <summary>The emails that are not reminders: pairing, sign-up and Identity's own.</summary>
    private static IEnumerable<EmailCase> OtherEmails() =>
    [
        new("Invitation", "CoupleEmails.Invitation", discreet => Task.FromResult(
            CoupleEmails.Invitation(Address, Partner, "https://couples.example.org/join/abc", "ABCD-EFGH", "on Friday", discreet))),
        new("Partner joined", "CoupleEmails.PartnerJoined", discreet => Task.FromResult(
            CoupleEmails.PartnerJoined(Address, Recipient, Partner, Site.ToString(), discreet))),
        new("Partner left", "CoupleEmails.PartnerLeft", discreet => Task.FromResult(
            CoupleEmails.PartnerLeft(Address, Recipient, Partner, Site.ToString(), "7 January 2027", discreet))),
        new("Someone tried to register with my address", "RegistrationAttemptEmail.ToOwner", discreet => Task.FromResult(
            RegistrationAttemptEmail.ToOwner(Address, Recipient, "https://couples.example.org/Account/Login", "https://couples.example.org/Account/ForgotPassword", discreet))),
        new("Confirm my email", "IEmailSender.SendConfirmationLinkAsync", discreet => Sent(sender => sender.SendConfirmationLinkAsync(Person(discreet), Address, "https://couples.example.org/confirm"))),
        new("Password reset link", "IEmailSender.SendPasswordResetLinkAsync", discreet => Sent(sender => sender.SendPasswordResetLinkAsync(Person(discreet), Address, "https://couples.example.org/reset"))),
        new("Password reset code", "IEmailSender.SendPasswordResetCodeAsync", discreet => Sent(sender => sender.SendPasswordResetCodeAsync(Person(discreet), Address, "123456"))),
    ];

    public static IReadOnlyList<EmailCase> All { get; } =
    [
        .. ReminderDetails.Select(pair => new EmailCase($"Reminder {pair.Key}", "ReminderEmails.Compose", discreet => Task.FromResult(ReminderEmails.Compose(pair.Value(ReminderFacts(pair.Key)) with { Discreet = discreet })))),
        .. Enum.GetValues<SecurityChange>().Select(change => new EmailCase($"Security notice {change}", "SecurityNotices.Compose", discreet => Task.FromResult(Notices.Compose(change, Address, Recipient, discreet)))),
        .. OtherEmails(),
    ];

    private static ReminderEmailFacts ReminderFacts(ReminderKind kind) =>
        new(42, kind, Address, Recipient, Partner, Site, "token", "hello@couples.example.org");

    private static ApplicationUser Person(bool discreet) => new() { Email = Address, DisplayName = Recipient, DiscreetEmails = discreet };

    private static async Task<EmailMessage> Sent(Func<AccountEmailSender, Task> send)
    {
        var mail = new CapturingMailSender();
        await send(new AccountEmailSender(mail));
        return Assert.Single(mail.Sent);
    }

    private sealed class CapturingMailSender : IMailSender
    {
        public List<EmailMessage> Sent { get; } = [];

        public Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
        {
            Sent.Add(message);
            return Task.CompletedTask;
        }
    }
}
