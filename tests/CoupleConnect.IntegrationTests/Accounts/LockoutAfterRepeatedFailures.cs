using System.Net;
using CoupleConnect.IntegrationTests.Infrastructure;

namespace CoupleConnect.IntegrationTests.Accounts;

public sealed class LockoutAfterRepeatedFailures(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task FiveWrongPasswordsLockTheAccountForFifteenMinutesEvenAgainstTheRightPassword()
    {
        var email = await app.CreateConfirmedUserAsync();
        using var browser = app.NewBrowser();
        var before = DateTimeOffset.UtcNow;

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var wrong = await browser.LogInAsync(email, "not the password " + attempt);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("That email and password don't match", WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()));
        }

        // The fifth failure is the one that locks: Identity answers "locked out" on it already.
        using (var fifth = await browser.LogInAsync(email, "not the password 5"))
        {
            Assert.Equal(HttpStatusCode.Redirect, fifth.StatusCode);
            Assert.EndsWith("/Account/Lockout", fifth.Headers.Location?.ToString());
        }

        using (var sixth = await browser.LogInAsync(email, AppFixture.Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, sixth.StatusCode);
            Assert.EndsWith("/Account/Lockout", sixth.Headers.Location?.ToString());
            Assert.False(AppBrowser.SetsAuthCookie(sixth), "A locked-out account got an auth cookie.");
        }

        var user = await app.Users.FindByEmailAsync(email);
        Assert.NotNull(user);
        Assert.NotNull(user.LockoutEnd);
        Assert.InRange(user.LockoutEnd.Value, before.AddMinutes(15).AddSeconds(-2), DateTimeOffset.UtcNow.AddMinutes(15).AddSeconds(2));
    }

    [Fact]
    public async Task FourWrongPasswordsDoNotLockAndTheRightPasswordStillWorks()
    {
        var email = await app.CreateConfirmedUserAsync();
        using var browser = app.NewBrowser();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var wrong = await browser.LogInAsync(email, "not the password " + attempt);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var right = await browser.LogInAsync(email, AppFixture.Password);

        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.True(AppBrowser.SetsAuthCookie(right));
        var user = await app.Users.FindByEmailAsync(email);
        Assert.Null(user!.LockoutEnd);
        Assert.Equal(0, user.AccessFailedCount); // a success resets the count
    }
}
