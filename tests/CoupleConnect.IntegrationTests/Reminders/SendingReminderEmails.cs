using System.Net;
using System.Text.RegularExpressions;
using CoupleConnect.Domain.Reminders;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CoupleConnect.IntegrationTests.Reminders;

/// <summary>The reminder emails as the SMTP server receives them: both parts, the links, the headers, and nothing private.</summary>
[Collection(SendingTests.Name)]
public sealed partial class SendingReminderEmails(SendingAppFixture app)
{
    [Fact]
    public async Task TheQuestionEmailCarriesTheQuestionTheDeepLinkAndTheUnsubscribeLinksInBothParts()
    {
        var couple = (await app.CrowdAsync(1))[0];
        await app.StartCleanAsync();
        var today = await app.Driver.TodaysQuestionAsync(couple.Inviter);
        var id = await app.Outbox.AddPendingAsync(couple.Inviter.Id, ReminderKind.DailyQuestion, today.Day, app.Clock.GetUtcNow());

        var mail = await SendOneAsync(id);

        Assert.Equal(couple.Inviter.Email, Assert.Single(mail.To.Mailboxes).Address);
        Assert.Contains(couple.Partner.DisplayName, mail.Subject, StringComparison.Ordinal);
        var deepLink = $"{SendingAppFixture.PublicUrl}checkin/{today.Day:yyyy-MM-dd}";
        Assert.Contains(deepLink, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{deepLink}\"", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(today.QuestionText, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(today.QuestionText, WebUtility.HtmlDecode(mail.HtmlBody), StringComparison.Ordinal);

        // One token, three places: the visible link in each part and the one-click header.
        var token = UnsubscribeToken(mail.TextBody);
        Assert.Contains($"href=\"{SendingAppFixture.PublicUrl}unsubscribe?token={token}\"", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Equal($"<{SendingAppFixture.PublicUrl}unsubscribe/one-click?token={token}>", mail.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        var named = app.App.Services.GetRequiredService<UnsubscribeTokens>().Read(Uri.UnescapeDataString(token));
        Assert.Equal(new UnsubscribeRequest(couple.Inviter.Id, couple.CoupleId, ReminderKind.DailyQuestion), named.Value);
    }

    [Fact]
    public async Task TheEmailsOneClickAddressTurnsOffThatKindAndItsVisibleLinkOffersTheSame()
    {
        // New people: the test changes their preferences.
        var couple = await app.Driver.PairNewAsync("Robin", "Kai");
        await app.StartCleanAsync();
        var id = await app.Outbox.AddPendingAsync(couple.Inviter.Id, ReminderKind.EveningGratitude, DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime), app.Clock.GetUtcNow());
        var mail = await SendOneAsync(id);

        using var browser = app.NewBrowser();
        var page = await browser.GetPageAsync(LocalPath(UnsubscribeLinkIn(mail.TextBody)));
        Assert.Contains("id=\"confirm-unsubscribe\"", page, StringComparison.Ordinal);

        // What a mail app does with List-Unsubscribe-Post (RFC 8058): POST, no cookies.
        var oneClick = mail.Headers["List-Unsubscribe"];
        Assert.NotNull(oneClick);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" });
        using var response = await browser.Http.PostAsync(new Uri(LocalPath(oneClick.Trim('<', '>')), UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var scope = app.Driver.AsUser(couple.Inviter);
        var preferences = await scope.Get<ReminderPreferencesService>().GetAsync();
        Assert.Equal((true, false, true), (preferences!.QuestionReminderOn, preferences.GratitudeReminderOn, preferences.PartnerActivityOn));
    }

    [Fact]
    public async Task TheYourTurnEmailNamesThePartnerButNeverContainsTheirAnswer()
    {
        var couple = await app.Driver.PairNewAsync("Robin", "Kai");
        await app.StartCleanAsync();
        var secret = $"marmalade{Guid.NewGuid():N}";
        var today = await app.Driver.AnswerTodayAsync(couple.Partner, $"When you made me tea and toast with {secret} on Sunday.");
        var queued = Assert.Single(await app.Outbox.RowsOfAsync(couple.Inviter.Id));
        Assert.Equal(ReminderKind.PartnerActivity, queued.Kind);

        app.Clock.Advance(TimeSpan.FromSeconds(app.App.Services.GetRequiredService<IOptions<ReminderOptions>>().Value.PartnerActivityDelaySeconds));
        var mail = await SendOneAsync(queued.Id);

        Assert.Contains(couple.Partner.DisplayName, mail.Subject, StringComparison.Ordinal);
        Assert.Contains($"{SendingAppFixture.PublicUrl}checkin/{today.Day:yyyy-MM-dd}", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(today.QuestionText, mail.TextBody, StringComparison.Ordinal);
        var everythingSaid = string.Join('\n', mail.Headers.Select(header => header.Value).Append(mail.TextBody).Append(mail.HtmlBody));
        Assert.DoesNotContain(secret, everythingSaid, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("tea and toast", everythingSaid, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Sends what is due, insists it was exactly the one reminder <paramref name="id"/>, and returns it as received.</summary>
    private async Task<MimeMessage> SendOneAsync(long id)
    {
        Assert.Equal(new ReminderSendResult(1, 0, 0, 0), await app.Sender.SendDueAsync());
        var received = Assert.Single(app.Smtp.Received);
        // Spelled out, not only through the app's helper: the id is the outbox row's, at the From address's domain.
        Assert.Equal($"reminder-{id}@{SendingAppFixture.MailDomain}", received.MessageId);
        return received.Message;
    }

    private static string UnsubscribeLinkIn(string? text)
    {
        var match = UnsubscribeLinkPattern().Match(text ?? string.Empty);
        Assert.True(match.Success, "The text part has no unsubscribe link:\n" + text);
        return match.Value;
    }

    private static string UnsubscribeToken(string? text)
    {
        var link = UnsubscribeLinkIn(text);
        return link[(link.IndexOf("token=", StringComparison.Ordinal) + "token=".Length)..];
    }

    private static string LocalPath(string absolute) => new Uri(absolute).PathAndQuery;

    [GeneratedRegex(@"https://coupleconnect\.test/unsubscribe\?token=[^\s""<>]+")]
    private static partial Regex UnsubscribeLinkPattern();
}
