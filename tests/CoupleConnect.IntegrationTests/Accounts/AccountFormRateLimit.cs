using System.Net;
using CoupleConnect.IntegrationTests.Infrastructure;

namespace CoupleConnect.IntegrationTests.Accounts;

public sealed class AccountFormRateLimit(RateLimitedAppFixture app) : IClassFixture<RateLimitedAppFixture>
{
    [Fact]
    public async Task PostsBeyondTheLimitGet429WithRetryAfterAndAFriendlyPageWhileReadingThePageStaysFree()
    {
        using var browser = app.NewBrowser();
        var email = AppFixture.UniqueEmail("guesser");

        for (var attempt = 1; attempt <= RateLimitedAppFixture.PostsPerWindow; attempt++)
        {
            using var allowed = await browser.LogInAsync(email, "guess " + attempt);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await browser.LogInAsync(email, "one guess too many");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(RateLimitedAppFixture.WindowSeconds), refused.Headers.RetryAfter?.Delta);
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Let's take a breath", page);
        Assert.Contains("Please wait about 10 minute(s), then try again.", page);

        using var registerPost = await browser.PostFormAsync("/Account/Register", new RegistrationForm().Fields);
        Assert.Equal(HttpStatusCode.TooManyRequests, registerPost.StatusCode); // one budget for all account forms

        using var loginPage = await browser.GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.OK, loginPage.StatusCode);
    }
}
