using System.Net;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Features.Reminders;
using CoupleConnect.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CoupleConnect.IntegrationTests.Accounts;

/// <summary>
/// Discreet emails (issue 17 item 4) chosen where the issue offers them: the box at sign-up and the switch in the
/// reminder settings. Each email kind's wording is checked in CoupleConnect.Web.Tests (EveryEmailIsDiscreetWhenAsked);
/// here the choice travels through the real app to the emails it really sends.
/// </summary>
public sealed class ChoosingDiscreetEmails(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task TickingDiscreetEmailsAtSignUpMakesEvenTheConfirmationEmailDiscreet()
    {
        using var browser = app.NewBrowser();
        var form = new RegistrationForm { DisplayName = "Marisol", DiscreetEmails = true };

        using (var registered = await form.SubmitAsync(browser))
        {
            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        }

        var email = Assert.Single(app.Driver.MailTo(form.Email));
        AssertDiscreet(email, "Marisol");
        Assert.True(await DiscreetChoiceOfAsync(form.Email));
        Assert.Equal("/Account/ConfirmEmail", DevMailboxReader.ConfirmationLink(email).AbsolutePath); // still a working email
    }

    [Fact]
    public async Task LeavingTheBoxUntickedKeepsTheUsualEmails()
    {
        using var browser = app.NewBrowser();
        var form = new RegistrationForm { DisplayName = "Marisol" };

        using (await form.SubmitAsync(browser))
        {
        }

        Assert.Equal("Confirm your email for CoupleConnect", Assert.Single(app.Driver.MailTo(form.Email)).Subject);
        Assert.False(await DiscreetChoiceOfAsync(form.Email));
    }

    [Fact]
    public async Task TheReminderSettingsSwitchTurnsDiscreetEmailsOnForSecurityNoticesAndOffAgain()
    {
        var person = await app.Driver.NewPersonAsync("Marisol");
        await using (var scope = app.Driver.AsUser(person))
        {
            var service = scope.Get<ReminderPreferencesService>();
            var settings = await service.GetAsync();
            Assert.False(settings!.DiscreetEmails);

            settings.DiscreetEmails = true;
            Assert.True((await service.SaveAsync(settings)).Succeeded);
            Assert.True((await service.GetAsync())!.DiscreetEmails);
        }

        using var browser = app.NewBrowser();
        await browser.LogInSuccessfullyAsync(person.Email, AppFixture.Password);
        await ChangePasswordAsync(browser, AppFixture.Password, "a quiet walk by the river");
        AssertDiscreet(Assert.Single(app.Driver.MailTo(person.Email)), "Marisol");

        await using (var scope = app.Driver.AsUser(person))
        {
            var service = scope.Get<ReminderPreferencesService>();
            var settings = await service.GetAsync();
            settings!.DiscreetEmails = false;
            Assert.True((await service.SaveAsync(settings)).Succeeded);
        }

        await ChangePasswordAsync(browser, "a quiet walk by the river", "a second quiet walk");
        Assert.Contains(app.Driver.MailTo(person.Email), mail => mail.Subject == "Your CoupleConnect password was changed");
    }

    /// <summary>The subject and what a lock screen shows after it say nothing personal; the details are further down.</summary>
    internal static void AssertDiscreet(MimeMessage email, params string[] names)
    {
        Assert.Equal(DiscreetEmail.Subject, email.Subject);
        var text = email.TextBody ?? string.Empty;
        Assert.StartsWith(DiscreetEmail.Preview, text, StringComparison.Ordinal);
        var preview = text[..Math.Min(160, text.Length)];
        Assert.All(names, name => Assert.DoesNotContain(name, preview, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("data-preheader>", email.HtmlBody ?? string.Empty, StringComparison.Ordinal);
    }

    private static async Task ChangePasswordAsync(AppBrowser browser, string oldPassword, string newPassword)
    {
        using var changed = await browser.SubmitFormAsync("/Account/Manage/ChangePassword", "change-password", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = oldPassword,
            ["Input.NewPassword"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
    }

    private async Task<bool> DiscreetChoiceOfAsync(string email)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email);
        return Assert.IsType<ApplicationUser>(user).DiscreetEmails;
    }
}
