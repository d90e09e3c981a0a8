using CoupleConnect.Domain.Positives;
using CoupleConnect.Domain.Reminders;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.IntegrationTests.Reminders;
using CoupleConnect.Web.Features.Reminders;

namespace CoupleConnect.IntegrationTests.Positives;

/// <summary>
/// The opt-in Sunday summary: the week's counts from the recipient's side and one highlight. What a partner wrote is
/// quoted only when both partners chose to share highlights. Real SMTP to an in-process server.
/// </summary>
[Collection(SendingTests.Name)]
public sealed class SendingTheWeeklySummary(SendingAppFixture app)
{
    private const string KaisNote = "Made soup when I was ill";

    [Fact]
    public async Task TheSummaryCountsTheWeekAndQuotesNoWordsUnlessBothShare()
    {
        var couple = await app.Driver.PairNewAsync("Robin", "Kai");
        await app.StartCleanAsync();
        await OptInAsync(couple.Inviter, share: true);
        await OptInAsync(couple.Partner, share: false);
        await app.Driver.LogPositiveAsync(couple.Partner, PositiveKind.Help, KaisNote);
        await app.Driver.LogPositiveAsync(couple.Partner, PositiveKind.Help);
        await app.Driver.LogPositiveAsync(couple.Inviter, PositiveKind.Affection);

        var mail = await SendSummaryToAsync(couple.Inviter);

        Assert.Equal("Your week with Kai", mail.Subject);
        Assert.Contains("You noticed 1 thing about Kai; Kai noticed 2 things about you.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("What Kai noticed most about you: help.", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(KaisNote, mail.TextBody + mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenBothShareTheHighlightQuotesThePartnersWords()
    {
        var couple = await app.Driver.PairNewAsync("Robin", "Kai");
        await app.StartCleanAsync();
        await OptInAsync(couple.Inviter, share: true);
        await OptInAsync(couple.Partner, share: true);
        await app.Driver.LogPositiveAsync(couple.Partner, PositiveKind.Help, KaisNote);

        var mail = await SendSummaryToAsync(couple.Inviter);

        Assert.Contains($"A highlight, in Kai's words: \"{KaisNote}\"", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(KaisNote), mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SavingTheOptInPlansTheSummaryForSundayAtSevenInTheEvening()
    {
        var person = await app.Driver.NewPersonAsync("Robin", "America/New_York");

        await OptInAsync(person, share: false);

        var next = await new DispatchTables(app.Driver.Tables.ConnectionString).NextDueAsync(person.Id, ReminderKind.WeeklySummary);
        var local = TimeZoneInfo.ConvertTime(next, TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));
        Assert.Equal((DayOfWeek.Sunday, new TimeOnly(19, 0)), (local.DayOfWeek, TimeOnly.FromDateTime(local.DateTime)));
        Assert.InRange(next - app.Clock.GetUtcNow(), TimeSpan.Zero, TimeSpan.FromDays(7));
    }

    private async Task OptInAsync(TestPerson person, bool share)
    {
        await using var scope = app.Driver.AsUser(person);
        var preferences = scope.Get<ReminderPreferencesService>();
        var input = (await preferences.GetAsync())!;
        input.WeeklySummaryOn = true;
        input.ShareHighlightText = share;
        var saved = await preferences.SaveAsync(input);
        Assert.True(saved.Succeeded, saved.Error);
    }

    private async Task<MimeKit.MimeMessage> SendSummaryToAsync(TestPerson person)
    {
        var now = app.Clock.GetUtcNow();
        var id = await app.Outbox.AddPendingAsync(person.Id, ReminderKind.WeeklySummary, DateOnly.FromDateTime(now.UtcDateTime), now);

        await app.Sender.SendDueAsync();

        Assert.Equal(ReminderStatus.Sent, (await app.Outbox.RowAsync(id)).Status);
        return Assert.Single(app.Smtp.Received).Message;
    }
}
