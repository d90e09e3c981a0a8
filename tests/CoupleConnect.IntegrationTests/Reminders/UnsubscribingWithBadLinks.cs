using System.Globalization;
using System.Net;
using CoupleConnect.Domain.Reminders;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Reminders;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static CoupleConnect.IntegrationTests.Reminders.UnsubscribingTests;

namespace CoupleConnect.IntegrationTests.Reminders;

/// <summary>Tampered, truncated, foreign, expired or nonsensical unsubscribe links: a clear message, nothing changed, never a 500.</summary>
[Collection(UnsubscribingTests.Name)]
public sealed class UnsubscribingWithBadLinks(ClockedAppFixture app)
{
    /// <summary>The purpose the app's tokens are protected with: a token made with it is "signed by us".</summary>
    private const string TokenPurpose = "CoupleConnect.Nudges.Unsubscribe";

    public static TheoryData<string, string> BadLinks => new()
    {
        { "tampered", UnsubscribeTokens.InvalidMessage },
        { "truncated", UnsubscribeTokens.InvalidMessage },
        { "foreign", UnsubscribeTokens.InvalidMessage },
        { "empty", UnsubscribeTokens.InvalidMessage },
        { "oversized", UnsubscribeTokens.InvalidMessage },
        { "signed but malformed", UnsubscribeTokens.InvalidMessage },
        { "unknown kind", UnsubscribeTokens.UnknownKindMessage },
        { "kind as a number", UnsubscribeTokens.UnknownKindMessage },
        { "couple not a couple id", UnsubscribeTokens.InvalidMessage },
        { "from before links named their couple", UnsubscribeTokens.OutdatedMessage },
    };

    [Theory]
    [MemberData(nameof(BadLinks))]
    public async Task ABadLinkIsRefusedWithAClearMessageAndChangesNothing(string badness, string expectedMessage)
    {
        var person = await PersonWithEveryReminderOnAsync(app);
        var token = Spoil(badness, person);

        await AssertRefusedAsync(person, token, expectedMessage);
    }

    [Fact]
    public async Task AnExpiredLinkIsRefusedWithAClearMessageAndChangesNothing()
    {
        var person = await PersonWithEveryReminderOnAsync(app);
        var token = TokenFor(app, person, ReminderKind.DailyQuestion);
        var linkDays = app.ClockedFactory.Services.GetRequiredService<IOptions<ReminderOptions>>().Value.UnsubscribeLinkDays;

        app.Clock.Advance(TimeSpan.FromDays(linkDays) + TimeSpan.FromMinutes(1));

        await AssertRefusedAsync(person, token, UnsubscribeTokens.ExpiredMessage);
    }

    private async Task AssertRefusedAsync(TestPerson person, string token, string expectedMessage)
    {
        var before = await SnapshotAsync(app, person);

        using (var oneClick = await PostOneClickAsync(app, token))
        {
            Assert.Equal(HttpStatusCode.BadRequest, oneClick.StatusCode);
            Assert.Equal(expectedMessage, await oneClick.Content.ReadAsStringAsync());
        }

        using var browser = NewBrowser(app);
        using (var page = await browser.GetAsync(PagePath(token)))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Equal(expectedMessage, ErrorShown(html));
            Assert.DoesNotContain("confirm-unsubscribe", html, StringComparison.Ordinal);
        }

        Assert.Equal(before, await SnapshotAsync(app, person));
        var preferences = await PreferencesOfAsync(app, person);
        Assert.Equal((true, true, true), (preferences.QuestionReminderOn, preferences.GratitudeReminderOn, preferences.PartnerActivityOn));
    }

    private string Spoil(string badness, TestPerson person)
    {
        var valid = TokenFor(app, person, ReminderKind.DailyQuestion);
        var expires = app.Clock.GetUtcNow().AddDays(30).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var ourProtector = app.ClockedFactory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(TokenPurpose);
        return badness switch
        {
            "tampered" => FlipOneCharacter(valid),
            "truncated" => valid[..(valid.Length - 12)],
            "foreign" => new EphemeralDataProtectionProvider().CreateProtector(TokenPurpose).Protect($"v2|{person.Id}|DailyQuestion|{expires}|-"),
            "empty" => string.Empty,
            "oversized" => valid + new string('A', 2100),
            "signed but malformed" => ourProtector.Protect($"v2|{person.Id}|DailyQuestion"),
            "unknown kind" => ourProtector.Protect($"v2|{person.Id}|Horoscope|{expires}|-"),
            "kind as a number" => ourProtector.Protect($"v2|{person.Id}|{(int)ReminderKind.PartnerActivity}|{expires}|-"),
            "couple not a couple id" => ourProtector.Protect($"v2|{person.Id}|DailyQuestion|{expires}|someone-else"),
            "from before links named their couple" => ourProtector.Protect($"v1|{person.Id}|DailyQuestion|{expires}"),
            _ => throw new ArgumentOutOfRangeException(nameof(badness), badness, "Not a kind of bad link."),
        };
    }

    /// <summary>Changes one character in the middle, where it is part of the ciphertext and its tag.</summary>
    private static string FlipOneCharacter(string token)
    {
        var middle = token.Length / 2;
        var flipped = token[middle] == 'A' ? 'B' : 'A';
        return string.Concat(token.AsSpan(0, middle), flipped.ToString(), token.AsSpan(middle + 1));
    }
}
