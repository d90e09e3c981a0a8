using System.Net;
using CoupleConnect.Domain.Reminders;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CoupleConnect.IntegrationTests.Reminders;

/// <summary>Today's reminder counts are for admins only, and count exactly what the outbox holds for the UTC day.</summary>
public sealed class ReminderAdminPageAccess(AdminConfiguredAppFixture app) : IClassFixture<AdminConfiguredAppFixture>
{
    private const string PageHeading = "Reminders today";

    [Fact]
    public async Task AnAnonymousVisitorIsSentToSignIn()
    {
        using var browser = app.NewBrowser();

        using var response = await browser.GetAsync("/admin/reminders");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASignedInPersonWhoIsNotAnAdminIsRefused()
    {
        var email = await app.CreateConfirmedUserAsync();
        using var browser = app.NewBrowser();
        await browser.LogInSuccessfullyAsync(email, AppFixture.Password);

        using var response = await browser.GetAsync("/admin/reminders");
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(
            response.StatusCode is HttpStatusCode.Forbidden
                || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.ToString().Contains("/Account/AccessDenied", StringComparison.Ordinal) == true),
            $"Expected 403 or a redirect to access denied; got {(int)response.StatusCode}.");
        Assert.DoesNotContain(PageHeading, body);
    }

    [Fact]
    public async Task AnAdminSeesTodaysCountsBesideTheHangfireLink()
    {
        await app.CreateConfirmedUserAsync(app.AdminEmail);
        using var browser = app.NewBrowser();
        await browser.LogInSuccessfullyAsync(app.AdminEmail, AppFixture.Password);

        using var response = await browser.GetAsync("/admin/reminders");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(PageHeading, body);
        Assert.Contains("id=\"reminder-counts\"", body);
        Assert.Contains("href=\"hangfire\"", body);
    }

    [Fact]
    public async Task TheCountsAreTodaysOutboxRowsByKindAndStatus()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var stats = scope.ServiceProvider.GetRequiredService<ReminderStatsService>();
        var before = await stats.GetTodayAsync();
        var person = await app.Driver.NewPersonAsync("Counted");
        var startOfDay = new DateTimeOffset(before.UtcDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        await InsertOutboxRowAsync(person.Id, ReminderKind.DailyQuestion, new DateOnly(2001, 1, 1), startOfDay.AddMinutes(1), "Sent", null);
        await InsertOutboxRowAsync(person.Id, ReminderKind.DailyQuestion, new DateOnly(2001, 1, 2), startOfDay.AddMinutes(2), "Skipped", "AlreadyAnswered");
        await InsertOutboxRowAsync(person.Id, ReminderKind.PartnerActivity, new DateOnly(2001, 1, 1), startOfDay.AddMinutes(3), "Failed", null);

        // Yesterday's row is not today's.
        await InsertOutboxRowAsync(person.Id, ReminderKind.EveningGratitude, new DateOnly(2001, 1, 1), startOfDay.AddMinutes(-1), "Sent", null);

        var after = await stats.GetTodayAsync();

        Assert.Equal(before.CountOf(ReminderKind.DailyQuestion, ReminderStatus.Sent) + 1, after.CountOf(ReminderKind.DailyQuestion, ReminderStatus.Sent));
        Assert.Equal(before.CountOf(ReminderKind.DailyQuestion, ReminderStatus.Skipped) + 1, after.CountOf(ReminderKind.DailyQuestion, ReminderStatus.Skipped));
        Assert.Equal(before.CountOf(ReminderKind.PartnerActivity, ReminderStatus.Failed) + 1, after.CountOf(ReminderKind.PartnerActivity, ReminderStatus.Failed));
        Assert.Equal(before.CountOf(ReminderKind.EveningGratitude, ReminderStatus.Sent), after.CountOf(ReminderKind.EveningGratitude, ReminderStatus.Sent));
        Assert.Contains(after.SkipReasons, reason => reason.Reason == ReminderSkipReason.AlreadyAnswered && reason.Count >= 1);
    }

    private async Task InsertOutboxRowAsync(string userId, ReminderKind kind, DateOnly localDate, DateTimeOffset dueUtc, string status, string? skipReason)
    {
        await using var connection = new NpgsqlConnection(app.Factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO reminder_outbox (user_id, kind, local_date, due_utc, created_utc, status, skip_reason, attempts)
            VALUES (@user, @kind, @day, @due, @due, @status, @reason, 0)
            """,
            connection);
        command.Parameters.AddWithValue("user", userId);
        command.Parameters.AddWithValue("kind", kind.ToString());
        command.Parameters.AddWithValue("day", localDate);
        command.Parameters.AddWithValue("due", dueUtc);
        command.Parameters.AddWithValue("status", status);
        command.Parameters.AddWithValue("reason", (object?)skipReason ?? DBNull.Value);
        await command.ExecuteNonQueryAsync();
    }
}
