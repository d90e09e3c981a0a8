using System.Net;
using CoupleConnect.Domain.Reminders;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.IntegrationTests.Reminders;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Features.Positives;
using CoupleConnect.Web.Features.Reminders;
using Microsoft.Extensions.DependencyInjection;

namespace CoupleConnect.IntegrationTests.Couples;

/// <summary>
/// Issue 17, item 6: leaving quietly. The leaver is out at once; the partner's couple goes on unchanged and untold
/// until the chosen time; then it ends for them and one neutral notice goes through the outbox, once. The leaver's
/// unshared answer never reaches the partner.
/// </summary>
[Collection(SendingTests.Name)]
public sealed class LeavingQuietly(SendingAppFixture app)
{
    private const string AlexsUnsharedAnswer = "Something only Alex ever read";

    private static CoupleLeaving LeavingFor(SignedInServices person) => person.Get<CoupleLeaving>();

    private CoupleLeaving Job => app.App.Services.CreateScope().ServiceProvider.GetRequiredService<CoupleLeaving>();

    [Fact]
    public async Task ThePartnerIsToldOnceAfterTheDelayAndNotBefore()
    {
        var couple = await app.Driver.PairNewAsync("Alex", "Sam", "Europe/London", "America/New_York");
        await app.StartCleanAsync();
        var leftAt = app.Clock.GetUtcNow();

        await using (var alex = app.Driver.AsUser(couple.Inviter))
        {
            var left = await LeavingFor(alex).LeaveAsync(new LeaveRequest { Confirmation = "leave", Quietly = true, TellPartnerAfter = TimeSpan.FromDays(3) });
            Assert.True(left.Succeeded, left.Error);
            Assert.Null(await alex.CurrentCouple.GetAsync());
        }

        // Sam's couple looks as it did: same couple, Alex still named as the partner; nothing queued, nothing sent.
        await using (var sam = app.Driver.AsUser(couple.Partner))
        {
            var scope = await sam.CurrentCouple.GetAsync();
            Assert.Equal(couple.CoupleId, scope?.CoupleId);
            Assert.Equal("Alex", scope?.PartnerName);
        }

        app.Clock.SetUtcNow(leftAt + TimeSpan.FromDays(3) - TimeSpan.FromMinutes(1));
        Assert.Equal(0, await Job.FinishDueQuietLeavesAsync());
        Assert.Equal(new ReminderSendResult(0, 0, 0, 0), await app.Sender.SendDueAsync());
        Assert.Empty(await app.Outbox.RowsOfAsync(couple.Partner.Id));

        app.Clock.SetUtcNow(leftAt + TimeSpan.FromDays(3));
        Assert.Equal(1, await Job.FinishDueQuietLeavesAsync());
        Assert.Equal(0, await Job.FinishDueQuietLeavesAsync());
        Assert.Equal(new ReminderSendResult(1, 0, 0, 0), await app.Sender.SendDueAsync());
        Assert.Equal(new ReminderSendResult(0, 0, 0, 0), await app.Sender.SendDueAsync());

        await using (var sam = app.Driver.AsUser(couple.Partner))
        {
            Assert.Null(await sam.CurrentCouple.GetAsync());
        }

        var row = Assert.Single(await app.Outbox.RowsOfAsync(couple.Partner.Id));
        Assert.Equal((ReminderKind.PartnerLeft, ReminderStatus.Sent), (row.Kind, row.Status));
        Assert.Empty(await app.Outbox.RowsOfAsync(couple.Inviter.Id));
        var notice = Assert.Single(app.Smtp.Received).Message;
        Assert.Equal(couple.Partner.Email, notice.To.Mailboxes.Single().Address);
        Assert.Contains("Alex has left your couple on CoupleConnect.", notice.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("quiet", notice.TextBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("quiet", WebUtility.HtmlDecode(notice.HtmlBody), StringComparison.OrdinalIgnoreCase);
        Assert.Null(notice.Headers["List-Unsubscribe"]);
    }

    [Fact]
    public async Task TheLeaversUnsharedAnswerNeverReachesThePartnerEvenWhenTheyAnswerLater()
    {
        var couple = await app.Driver.PairNewAsync("Alex", "Sam", "Europe/London", "Europe/London");
        await app.StartCleanAsync();
        var today = (await app.Driver.AnswerTodayAsync(couple.Inviter, AlexsUnsharedAnswer)).Day;

        await using (var alex = app.Driver.AsUser(couple.Inviter))
        {
            Assert.True((await LeavingFor(alex).LeaveAsync(new LeaveRequest { Confirmation = "leave", Quietly = true, TellPartnerAfter = TimeSpan.FromDays(1) })).Succeeded);
        }

        var samsDay = await app.Driver.AnswerTodayAsync(couple.Partner, "Sam's answer");
        Assert.Equal(today, samsDay.Day);
        Assert.False(samsDay.PartnerHasAnswered);
        Assert.False(samsDay.IsRevealed);
        Assert.Null(samsDay.Revealed);

        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await Job.FinishDueQuietLeavesAsync());
        await using var sam = app.Driver.AsUser(couple.Partner);
        var archive = await sam.Archive.ExportAsync(couple.Partner.Id);
        Assert.NotNull(archive);
        Assert.DoesNotContain(AlexsUnsharedAnswer, System.Text.Encoding.UTF8.GetString(archive), StringComparison.Ordinal);
        Assert.DoesNotContain(await app.Driver.CheckInTables.AnswersAsync(couple.CoupleId), answer => answer.AuthorId == couple.Inviter.Id);
    }

    [Fact]
    public async Task TheLeaversWordsStayUntilThePartnerIsToldThenGoFromTheArchive()
    {
        var couple = await app.Driver.PairNewAsync("Alex", "Sam", "Europe/London", "Europe/London");
        var note = "Alex noticed the tea, quietly";
        await app.Driver.LogPositiveAsync(couple.Inviter, Domain.Positives.PositiveKind.KindWord, note);
        await using (var alex = app.Driver.AsUser(couple.Inviter))
        {
            Assert.True((await LeavingFor(alex).LeaveAsync(new LeaveRequest { Confirmation = "leave", Quietly = true, TellPartnerAfter = TimeSpan.FromHours(3), RemoveMyWords = true })).Succeeded);
        }

        await using (var sam = app.Driver.AsUser(couple.Partner))
        {
            Assert.Contains((await sam.Positives.ListAsync(PositiveAuthor.Partner, PositiveKindChoice.All, 50))!.Entries, entry => entry.Note == note);
        }

        app.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(1, await Job.FinishDueQuietLeavesAsync());

        await using (var sam = app.Driver.AsUser(couple.Partner))
        {
            var archive = System.Text.Encoding.UTF8.GetString((await sam.Archive.ExportAsync(couple.Partner.Id))!);
            Assert.DoesNotContain(note, archive, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task LeavingNowWithMyWordsRemovedLeavesNoneInThePartnersArchive()
    {
        var couple = await app.Driver.PairNewAsync("Alex", "Sam", "Europe/London", "Europe/London");
        var note = "Alex noticed the tea, then left";
        await app.Driver.LogPositiveAsync(couple.Inviter, Domain.Positives.PositiveKind.KindWord, note);
        await using (var alex = app.Driver.AsUser(couple.Inviter))
        {
            Assert.True((await LeavingFor(alex).LeaveAsync(new LeaveRequest { Confirmation = "leave", RemoveMyWords = true })).Succeeded);
        }

        await using var sam = app.Driver.AsUser(couple.Partner);
        var archive = System.Text.Encoding.UTF8.GetString((await sam.Archive.ExportAsync(couple.Partner.Id))!);
        Assert.DoesNotContain(note, archive, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LeavingNowQueuesOneNoticeForThePartnerAndNoneForTheLeaver()
    {
        var couple = await app.Driver.PairNewAsync("Alex", "Sam", "Europe/London", "Europe/London");
        await app.StartCleanAsync();

        await app.Driver.LeaveAsync(couple.Partner);

        Assert.Equal(new ReminderSendResult(1, 0, 0, 0), await app.Sender.SendDueAsync());
        Assert.Equal(ReminderKind.PartnerLeft, Assert.Single(await app.Outbox.RowsOfAsync(couple.Inviter.Id)).Kind);
        Assert.Empty(await app.Outbox.RowsOfAsync(couple.Partner.Id));
        Assert.Equal(couple.Inviter.Email, Assert.Single(app.Smtp.Received).Message.To.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task WhenTheUntoldPartnerLeavesTooNobodyIsEmailed()
    {
        var couple = await app.Driver.PairNewAsync("Alex", "Sam", "Europe/London", "Europe/London");
        await app.StartCleanAsync();
        await using (var alex = app.Driver.AsUser(couple.Inviter))
        {
            Assert.True((await LeavingFor(alex).LeaveAsync(new LeaveRequest { Confirmation = "leave", Quietly = true, TellPartnerAfter = TimeSpan.FromDays(2) })).Succeeded);
        }

        await app.Driver.LeaveAsync(couple.Partner);
        app.Clock.Advance(TimeSpan.FromDays(2));

        Assert.Equal(0, await Job.FinishDueQuietLeavesAsync());
        Assert.Equal(new ReminderSendResult(0, 0, 0, 0), await app.Sender.SendDueAsync());
        Assert.Empty(app.Smtp.Received);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8 * 24)]
    public async Task ADelayOutsideAnHourToSevenDaysIsRefusedClearlyAndChangesNothing(int hours)
    {
        var couple = await app.Driver.PairNewAsync("Alex", "Sam", "Europe/London", "Europe/London");
        await using var alex = app.Driver.AsUser(couple.Inviter);

        var refused = await LeavingFor(alex).LeaveAsync(new LeaveRequest { Confirmation = "leave", Quietly = true, TellPartnerAfter = TimeSpan.FromHours(hours) });

        Assert.Equal("Choose when your partner is told: between an hour and 7 days from now.", refused.Error);
        Assert.Equal(couple.CoupleId, (await alex.CurrentCouple.GetAsync())?.CoupleId);
    }
}
