using System.Text.Json;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.IntegrationTests.Rituals;
using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoupleConnect.IntegrationTests.Talks;

/// <summary>
/// The trust rules for talk words: "Download my data" holds each person's own words only (their topic, what they said,
/// their reflections, what they'll try), and an ended couple's archive holds what both saw in the talk, minus anything its
/// author removed.
/// </summary>
public sealed class TalksInMyData(UnthrottledAppFixture app) : IClassFixture<UnthrottledAppFixture>
{
    private const string Topic = "How we share the evenings";
    private const string AlexSaid = "I feel alone when the evenings vanish.";
    private const string SamReflected = "You miss our evenings together.";
    private const string SamsStep = "I will put the kettle on at nine.";
    private const string AlexsStep = "I will leave my phone in the hall.";

    private AppDriver Driver => app.Driver;

    [Fact]
    public async Task MyDownloadHoldsMyOwnWordsInATalkButNotMyPartners()
    {
        var couple = await CoupleWhoTalkedAsync();

        var alex = await ExportAsync(couple.Inviter.Id);
        var sam = await ExportAsync(couple.Partner.Id);

        Assert.Contains(Topic, alex, StringComparison.Ordinal);
        Assert.Contains(AlexSaid, alex, StringComparison.Ordinal);
        Assert.Contains(AlexsStep, alex, StringComparison.Ordinal);
        Assert.DoesNotContain(SamReflected, alex, StringComparison.Ordinal);
        Assert.DoesNotContain(SamsStep, alex, StringComparison.Ordinal);

        Assert.Contains(SamReflected, sam, StringComparison.Ordinal);
        Assert.Contains(SamsStep, sam, StringComparison.Ordinal);
        Assert.DoesNotContain(Topic, sam, StringComparison.Ordinal);
        Assert.DoesNotContain(AlexSaid, sam, StringComparison.Ordinal);
        Assert.DoesNotContain(AlexsStep, sam, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEndedCouplesArchiveHoldsWhatBothSawInTheTalkButNotWordsTheirAuthorRemoved()
    {
        var couple = await CoupleWhoTalkedAsync();
        var talkId = (await Driver.TalksAsync(couple.Inviter, talks => talks.ListAsync())).Value!.Single().Id;
        var turnId = (await Driver.ViewAsync(couple.Partner, talkId)).Turns[0].Id;
        await Driver.DoAsync(couple.Partner, talks => talks.RemoveWordsAsync(talkId, turnId));
        await Driver.LeaveAsync(couple.Partner);

        using var scope = app.Factory.Services.CreateScope();
        var source = scope.ServiceProvider.GetServices<ICoupleArchiveSource>().Single(candidate => candidate.Section == "talks");
        await using var db = await CoupleDb.OpenAsync(scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>(), couple.CoupleId);
        var json = JsonSerializer.Serialize(await source.ExportAsync(new CoupleArchiveContent(db, app.Factory.Services.GetRequiredService<TimeProvider>().GetUtcNow()), CancellationToken.None));

        foreach (var shown in new[] { Topic, AlexSaid, AlexsStep, SamsStep })
        {
            Assert.Contains(shown, json, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(SamReflected, json, StringComparison.Ordinal);
    }

    /// <summary>Alex proposed and spoke, Sam reflected ("That's it"), the talk ended, and each named one thing to try.</summary>
    private async Task<PairedCouple> CoupleWhoTalkedAsync()
    {
        var couple = await Driver.PairNewAsync("Alex", "Sam");
        var id = await Driver.TalkWithOneTurnAsync(couple, Topic, AlexSaid, SamReflected);
        await Driver.DoAsync(couple.Partner, talks => talks.EndAsync(id));
        await Driver.DoAsync(couple.Partner, talks => talks.NameNextStepAsync(id, SamsStep));
        await Driver.DoAsync(couple.Inviter, talks => talks.NameNextStepAsync(id, AlexsStep));
        return couple;
    }

    private async Task<string> ExportAsync(string userId)
    {
        using var scope = app.Factory.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(userId);
        var source = scope.ServiceProvider.GetServices<IPersonalDataSource>().Single(candidate => candidate.Section == "talks");
        return JsonSerializer.Serialize(await source.ExportAsync(user!, CancellationToken.None));
    }
}
