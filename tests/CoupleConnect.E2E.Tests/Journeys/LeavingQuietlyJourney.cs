using System.Text;
using CoupleConnect.E2E.Tests.Infrastructure;
using CoupleConnect.E2E.Tests.PageObjects;
using CoupleConnect.Web.Features.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using CoupleLeaving = CoupleConnect.Web.Features.Couples.CoupleLeaving;

namespace CoupleConnect.E2E.Tests.Journeys;

/// <summary>
/// Issue 17, item 6, on two phones: Alex, who wrote a positive about Sam and an answer Sam has not seen, leaves quietly
/// and removes their words. Alex is out at once; Sam's app looks as before and Sam's answer reveals nothing; when the
/// delay is over the couple ends for Sam, one neutral email arrives, and Sam's archive holds none of Alex's words.
/// </summary>
[Collection(RealAppTests.Name)]
public sealed class LeavingQuietlyJourney(AppFixture app, ITestOutputHelper output)
{
    private const string AlexsPositive = "Fixing the bike light without being asked";
    private const string AlexsUnsharedAnswer = "The morning by the lake, before anyone woke up";

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task AlexLeavesQuietlyWithTheirWordsAndSamIsToldOnlyWhenChosen(ColorScheme scheme)
    {
        var samPerson = new Person("Sam", "Europe/London");
        var (alex, sam) = await app.PairedPhonesAsync(new Person("Alex", "Europe/London"), samPerson, scheme);
        try
        {
            await AlexWritesAsync(alex);
            await AlexLeavesQuietlyAsync(alex, scheme);
            await SamSeesNothingChangedAsync(sam, scheme);
            await TheDelayEndsAndSamIsToldOnceAsync(sam, samPerson, scheme);
        }
        catch
        {
            await Shot(alex, $"failure-quiet-leave-alex-{scheme}");
            await Shot(sam, $"failure-quiet-leave-sam-{scheme}");
            throw;
        }
        finally
        {
            await alex.Context.CloseAsync();
            await sam.Context.CloseAsync();
        }
    }

    private static async Task AlexWritesAsync(IPage alex)
    {
        await new PositivesPage(alex).OpenAsync();
        await new LogPositiveSection(alex).LogAsync("Help", AlexsPositive);
        await alex.GotoAsync("checkin");
        await alex.WaitUntilInteractiveAsync();
        await new QuestionCardSection(alex).AnswerAsync(AlexsUnsharedAnswer);
    }

    private async Task AlexLeavesQuietlyAsync(IPage alex, ColorScheme scheme)
    {
        var settings = new CoupleSettingsPage(alex);
        await settings.OpenAsync();
        await Expect(settings.DownloadMyCopy).ToHaveAttributeAsync("href", "Account/Manage/PersonalData");
        await Expect(settings.SafetyLink).ToHaveAttributeAsync("href", "getting-help#if-unsafe");

        await settings.LeaveQuietlyChoice.CheckAsync();
        await Expect(settings.TellPartnerWhen("Sam")).ToBeVisibleAsync();
        await Expect(alex.Locator("#quiet-leave-when")).ToContainTextAsync("Until then Sam's app looks as it does today");
        await settings.RemoveMyWords("Sam").CheckAsync();
        await Expect(alex.Locator("#leave-remove-words-help")).ToContainTextAsync("at the moment Sam is told");
        await settings.LeaveConfirmation.FillAsync("leave");
        await alex.Locator("#leave-couple").ScrollIntoViewIfNeededAsync();
        await Shot(alex, $"quiet-leave-01-alex-choices-{scheme}");
        await alex.AssertNoSeriousAxeViolationsAsync($"Couple settings, leaving quietly ({scheme})", output);

        await settings.LeaveQuietly.TapAsync();
        await Expect(alex).ToHaveURLAsync(app.BaseAddress);
        await Expect(alex.GetByText("You've left the couple. Sam will be told")).ToBeVisibleAsync();
        var home = new HomePage(alex);
        await Expect(home.InviteMyPartner).ToBeVisibleAsync();
        await Expect(home.OurCouple).ToHaveCountAsync(0);
        await Shot(alex, $"quiet-leave-02-alex-out-at-once-{scheme}");
    }

    private async Task SamSeesNothingChangedAsync(IPage sam, ColorScheme scheme)
    {
        var home = new HomePage(sam);
        await home.OpenAsync();
        await Expect(home.OurCouple).ToBeVisibleAsync();
        await Expect(home.EndedNotice).ToHaveCountAsync(0);
        await new PositivesPage(sam).OpenAsync();
        await Expect(sam.GetByText(AlexsPositive)).ToBeVisibleAsync(); // removed only when Sam is told

        // Sam answers today's question: Alex's answer, written before leaving, is not revealed by it.
        await sam.GotoAsync("checkin");
        await sam.WaitUntilInteractiveAsync();
        var card = new QuestionCardSection(sam);
        await card.AnswerAsync("Sam's own answer");
        await card.ExpectStateAsync("WaitingForPartner");
        await Expect(sam.GetByText(AlexsUnsharedAnswer)).ToHaveCountAsync(0);
        await Shot(sam, $"quiet-leave-03-sam-unchanged-{scheme}");
    }

    private async Task TheDelayEndsAndSamIsToldOnceAsync(IPage sam, Person samPerson, ColorScheme scheme)
    {
        var samId = await app.UserIdOfAsync(samPerson.Email);
        await app.ExecuteSqlAsync(
            "UPDATE couples SET tell_partner_at = now() WHERE tell_partner_at IS NOT NULL AND ended_at IS NULL AND id IN (SELECT couple_id FROM couple_members WHERE user_id = @sam)",
            ("sam", samId));
        using (var scope = app.Factory.Services.CreateScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<CoupleLeaving>().FinishDueQuietLeavesAsync());
        }

        await app.Factory.Services.GetRequiredService<ReminderSender>().SendDueAsync();

        var home = new HomePage(sam);
        await home.OpenAsync();
        await Expect(home.EndedNotice).ToBeVisibleAsync();
        await Shot(sam, $"quiet-leave-04-sam-told-{scheme}");

        var export = await sam.Context.APIRequest.GetAsync("couple/archive/export");
        Assert.Equal(200, export.Status);
        var archive = Encoding.UTF8.GetString(await export.BodyAsync());
        Assert.DoesNotContain(AlexsUnsharedAnswer, archive, StringComparison.Ordinal);
        Assert.DoesNotContain(AlexsPositive, archive, StringComparison.Ordinal); // Alex ticked "Remove my words"

        await sam.GotoAsync("dev/mailbox");
        var mailbox = new DevMailboxPage(sam);
        await mailbox.OpenMessageAsync(samPerson.Email, "Alex has ended your couple on CoupleConnect");
        await Expect(sam.FrameLocator("iframe.dev-mail-preview").GetByText("Alex has left your couple on CoupleConnect.")).ToBeVisibleAsync();
        await Shot(sam, $"quiet-leave-05-sam-email-{scheme}");
    }

    private async Task Shot(IPage page, string name) => output.WriteLine("Screenshot: " + await Screenshots.SaveAsync(page, name));
}
