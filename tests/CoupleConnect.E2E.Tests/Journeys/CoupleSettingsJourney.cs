using CoupleConnect.E2E.Tests.Infrastructure;
using CoupleConnect.E2E.Tests.PageObjects;
using CoupleConnect.Web.Features.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoupleConnect.E2E.Tests.Journeys;

/// <summary>A paired couple on two phones: Alex renames the couple, tries a name that's too long, then leaves; Sam is told.</summary>
[Collection(RealAppTests.Name)]
public sealed class CoupleSettingsJourney(AppFixture app, ITestOutputHelper output)
{
    private readonly Person _alex = new("Alex", "Europe/Berlin");
    private readonly Person _sam = new("Sam", "America/New_York");

    [Fact]
    public async Task AlexRenamesTheCoupleThenLeavesAndSamIsTold()
    {
        var (alex, sam) = await app.PairedPhonesAsync(_alex, _sam);
        try
        {
            var samHome = new HomePage(sam);
            await samHome.OpenAsync();
            await Expect(samHome.CoupleName).ToHaveTextAsync("Alex & Sam");

            await RenameAsync(alex);
            await RefuseATooLongNameAsync(alex);
            await LeaveAsync(alex);
            await SamSeesTheEndAndGotTheEmailAsync(sam);
        }
        catch
        {
            await Shot(alex, "failure-settings-alex");
            await Shot(sam, "failure-settings-sam");

            throw;
        }
        finally
        {
            await alex.Context.CloseAsync();
            await sam.Context.CloseAsync();
        }
    }

    private async Task RenameAsync(IPage alex)
    {
        var settings = new CoupleSettingsPage(alex);
        await settings.OpenAsync();
        await Expect(settings.Name).ToHaveValueAsync("Alex & Sam");
        await Shot(alex, "settings-01-alex-settings");

        await settings.Name.FillAsync("The Bakers");
        await settings.Save.TapAsync();
        await Expect(alex.GetByText("Saved for both of you.")).ToBeVisibleAsync();
        await Shot(alex, "settings-02-alex-saved");

        var home = new HomePage(alex);
        await home.OpenAsync();
        await Expect(home.CoupleName).ToHaveTextAsync("The Bakers");
        await Shot(alex, "settings-03-alex-home-renamed");
    }

    private async Task RefuseATooLongNameAsync(IPage alex)
    {
        var tooLong = "The Bakers, who bake bread together every Sunday morning at six"[..61];
        var settings = new CoupleSettingsPage(alex);
        await settings.OpenAsync();
        await settings.Name.FillAsync(tooLong);
        await settings.Save.TapAsync();
        await Expect(alex.GetByText("Please keep the couple name to 60 characters or fewer (this one has 61).").First).ToBeVisibleAsync();
        await Expect(alex.GetByText("Saved for both of you.")).ToHaveCountAsync(0);
        await Shot(alex, "settings-04-alex-name-too-long");

        await alex.ReloadAsync();
        await alex.WaitUntilInteractiveAsync();
        await Expect(settings.Name).ToHaveValueAsync("The Bakers");
        var home = new HomePage(alex);
        await home.OpenAsync();
        await Expect(home.CoupleName).ToHaveTextAsync("The Bakers");
    }

    private async Task LeaveAsync(IPage alex)
    {
        var settings = new CoupleSettingsPage(alex);
        await settings.OpenAsync();
        await settings.LeaveConfirmation.FillAsync("stay");
        await settings.Leave.TapAsync();
        await Expect(alex.GetByText("To confirm, type the word \"leave\".")).ToBeVisibleAsync();
        await Expect(settings.Heading).ToBeVisibleAsync();
        await Shot(alex, "settings-05-alex-leave-typed-stay");

        await settings.LeaveConfirmation.FillAsync("leave");
        await settings.Leave.TapAsync();
        await Expect(alex).ToHaveURLAsync(app.BaseAddress);
        var home = new HomePage(alex);
        await Expect(home.EndedNotice).ToContainTextAsync("Your couple \"The Bakers\" has ended.");
        await Expect(home.DownloadArchive).ToHaveAttributeAsync("href", "couple/archive/export");
        await Expect(home.InviteMyPartner).ToBeVisibleAsync();
        await Expect(home.OurCouple).ToHaveCountAsync(0);
        await Shot(alex, "settings-06-alex-home-after-leaving");

        var export = await alex.Context.APIRequest.GetAsync("couple/archive/export");
        Assert.Equal(200, export.Status);
        Assert.StartsWith("application/json", export.Headers["content-type"]);
    }

    private async Task SamSeesTheEndAndGotTheEmailAsync(IPage sam)
    {
        // Sam's home, open since before Alex left.
        await sam.ReloadAsync();
        await sam.WaitUntilInteractiveAsync();
        var home = new HomePage(sam);
        await Expect(home.EndedNotice).ToContainTextAsync("Your couple \"The Bakers\" has ended.");
        await Expect(home.DownloadArchive).ToBeVisibleAsync();
        await Expect(home.InviteMyPartner).ToBeVisibleAsync();
        await Expect(home.OurCouple).ToHaveCountAsync(0);
        await Shot(sam, "settings-07-sam-home-after-alex-left");

        // The notice goes through the reminder outbox; this app runs no job server, so send what is due now.
        await app.Factory.Services.GetRequiredService<ReminderSender>().SendDueAsync();
        await sam.GotoAsync("dev/mailbox");
        var mailbox = new DevMailboxPage(sam);
        await mailbox.OpenMessageAsync(_sam.Email, "Alex has ended your couple on CoupleConnect");
        await Shot(sam, "settings-08-sam-email");
    }

    private async Task Shot(IPage page, string name) => output.WriteLine("Screenshot: " + await Screenshots.SaveAsync(page, name));
}
