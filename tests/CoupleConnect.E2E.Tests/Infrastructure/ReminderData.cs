using CoupleConnect.Domain.Reminders;
using Microsoft.Extensions.DependencyInjection;
using UnsubscribeTokens = CoupleConnect.Web.Features.Reminders.UnsubscribeTokens;

namespace CoupleConnect.E2E.Tests.Infrastructure;

/// <summary>Reminder states no page reaches quickly, made straight in the app: unsubscribe links and outbox rows.</summary>
public static class ReminderData
{
    /// <summary>
    /// The signed token of the unsubscribe link a reminder email of this kind would carry, sent while the person is
    /// unpaired (as the people of these pages are: a link works only while they are still in the couple it names).
    /// </summary>
    public static string UnsubscribeToken(this AppFixture app, string userId, ReminderKind kind) =>
        app.Factory.Services.GetRequiredService<UnsubscribeTokens>().Create(userId, coupleId: null, kind);

    /// <summary>The unsubscribe page's address for that link, relative to the app.</summary>
    public static string UnsubscribePath(this AppFixture app, string userId, ReminderKind kind) =>
        "unsubscribe?token=" + Uri.EscapeDataString(app.UnsubscribeToken(userId, kind));

    /// <summary>
    /// One outbox row of each status, due now (so counted today, UTC), as the dispatcher and sender would leave them:
    /// every cell of the admin counts and its skip reasons have something to show.
    /// </summary>
    public static async Task SeedOneReminderOfEachStatusAsync(this AppFixture app, string userId) => await app.ExecuteSqlAsync(
        """
        INSERT INTO reminder_outbox (user_id, kind, local_date, due_utc, created_utc, status, skip_reason, attempts, next_attempt_utc, sent_utc, last_error)
        VALUES (@user, 'DailyQuestion',    current_date,     now(), now(), 'Sent',    NULL,             1, NULL,                      now(), NULL),
               (@user, 'EveningGratitude', current_date,     now(), now(), 'Skipped', 'AddressBounced', 0, NULL,                      NULL,  NULL),
               (@user, 'PartnerActivity',  current_date,     now(), now(), 'Failed',  NULL,             5, NULL,                      NULL,  '550 mailbox unavailable'),
               (@user, 'DailyQuestion',    current_date + 1, now(), now(), 'Pending', NULL,             0, now() + interval '1 hour', NULL,  NULL)
        """,
        ("user", userId));
}
