using System.Net;
using CoupleConnect.Domain.CheckIns;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.IntegrationTests.Rituals;
using CoupleConnect.Tests.Shared;
using CoupleConnect.Web.Features.Talks;
using CoupleConnect.Web.Infrastructure;
using CoupleConnect.Web.Infrastructure.Security;
using Microsoft.Extensions.DependencyInjection;

namespace CoupleConnect.IntegrationTests.Talks;

/// <summary>
/// Every hostile payload (alone, and inside ordinary words) in every field a talk has: the topic, what the speaker says,
/// the reflection, the "Not quite" note and the one thing to try. Each is refused with a clear message or kept exactly as
/// typed (trimmed); nothing stored breaks the stored-text rules, and the talk page never echoes markup unescaped.
/// </summary>
public sealed class HostileInputInTalks(UnthrottledAppFixture app) : IClassFixture<UnthrottledAppFixture>
{
    private AppDriver Driver => app.Driver;

    public static TheoryData<string> Payloads()
    {
        var data = new TheoryData<string>();
        foreach (var payload in HostilePayloads.All)
        {
            data.Add(payload.Name);
            if (payload.Embeddable)
            {
                data.Add("embedded " + payload.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task EveryTalkFieldRefusesOrKeepsItAndNothingStoredOrShownBreaksTheRules(string payloadName)
    {
        var embedded = payloadName.StartsWith("embedded ", StringComparison.Ordinal);
        var payload = HostilePayloads.All.Single(candidate => candidate.Name == (embedded ? payloadName["embedded ".Length..] : payloadName));
        var value = embedded ? $"We both {payload.Value} care" : payload.Value;
        var couple = await Driver.PairNewAsync("Alex", "Sam");

        var proposed = await Driver.TalksAsync(couple.Inviter, talks => talks.ProposeAsync(new TalkProposalForm { Topic = value, Now = true }));
        var id = proposed.Succeeded ? proposed.Value : await Driver.ProposeNowAsync(couple.Inviter);
        AssertRefusedClearlyOrKept(proposed.Succeeded ? null : proposed, "topic", value, proposed.Succeeded ? (await Driver.ViewAsync(couple.Partner, id)).Topic : null);
        await Driver.DoAsync(couple.Partner, talks => talks.AcceptAsync(id));

        var said = await Try(couple.Inviter, talks => talks.SpeakAsync(id, value), talks => talks.SpeakAsync(id, "I feel and I need."));
        var reflected = await Try(couple.Partner, talks => talks.ReflectAsync(id, value), talks => talks.ReflectAsync(id, "You feel and you need."));
        var noted = await Try(couple.Inviter, talks => talks.AnswerAsync(id, ReflectionVerdict.NotQuite, value), talks => talks.AnswerAsync(id, ReflectionVerdict.NotQuite, null));
        await Driver.DoAsync(couple.Partner, talks => talks.ReflectAsync(id, "Second try."));
        await Driver.DoAsync(couple.Inviter, talks => talks.EndAsync(id));
        var step = await Try(couple.Partner, talks => talks.NameNextStepAsync(id, value), talks => talks.NameNextStepAsync(id, "I'll try."));

        var view = await Driver.ViewAsync(couple.Inviter, id);
        AssertRefusedClearlyOrKept(said, "words", value, view.Turns[0].Said);
        AssertRefusedClearlyOrKept(reflected, "reflection", value, null);
        AssertRefusedClearlyOrKept(noted, "note", value, view.Turns[0].Clarification);
        AssertRefusedClearlyOrKept(step, "one thing to try", value, view.PartnerNextStep);

        var problems = await StoredTextAudit.ProblemsAsync(app.Factory.ConnectionString, app.Factory.Services.GetRequiredService<FieldEncryptor>());
        Assert.Empty(problems);

        using var browser = app.NewBrowser();
        await browser.LogInSuccessfullyAsync(couple.Inviter.Email, AppFixture.Password);
        foreach (var route in new[] { "/talks", $"/talks/{id}" })
        {
            using var page = await browser.GetAsync(route);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync();
            Assert.DoesNotContain(HostilePayloads.Markup, markup => html.Contains(markup, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>Runs <paramref name="hostile"/>; when refused, runs <paramref name="fallback"/> so the talk can go on. Returns the refusal, or null when kept.</summary>
    private async Task<ServiceResult?> Try(TestPerson person, Func<TalksService, Task<ServiceResult>> hostile, Func<TalksService, Task<ServiceResult>> fallback)
    {
        var result = await Driver.TalksAsync(person, hostile);
        if (result.Succeeded)
        {
            return null;
        }

        await Driver.DoAsync(person, fallback);
        return result;
    }

    private static void AssertRefusedClearlyOrKept(object? refusal, string field, string typed, string? shown)
    {
        var error = refusal switch
        {
            ServiceResult result => result.Error,
            ServiceResult<Guid> result => result.Error,
            _ => null,
        };
        if (error is not null)
        {
            Assert.True(error.Length > 10 && !error.Contains(typed.Trim(), StringComparison.Ordinal) || typed.Trim().Length == 0, $"The {field} refusal is unclear or echoes the input: {error}");
            Assert.Equal(ServiceErrorCode.Invalid, refusal switch { ServiceResult result => result.ErrorCode, ServiceResult<Guid> result => result.ErrorCode, _ => null });
        }
        else if (shown is not null)
        {
            Assert.Equal(typed.Trim(), shown);
        }
    }
}
