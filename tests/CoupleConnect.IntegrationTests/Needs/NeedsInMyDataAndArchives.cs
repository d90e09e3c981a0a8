using System.Text.Json;
using CoupleConnect.Domain.Rituals;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.IntegrationTests.Rituals;
using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Features.Rituals;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoupleConnect.IntegrationTests.Needs;

/// <summary>
/// The trust issue's rules for needs (ADR 0015, ADR 0034): "Download my data" holds a person's own needs, their earlier
/// words and their own reflection answers, never the partner's words; an ended couple's archive holds both partners'
/// needs and history (each was shown to the other), and a reflection answer only once both answered about that need.
/// Deleting for good leaves nothing in either. The clock: Sunday 7 March 2027, a monthly reflection session day.
/// </summary>
public sealed class NeedsInMyDataAndArchives(March2027AppFixture app) : IClassFixture<March2027AppFixture>
{
    private const string SamsNeed = "I feel close when we read together at night.";
    private const string SamsOldWords = "I feel close when we read in bed.";
    private const string AlexsNeed = "I feel safe when we say goodnight properly.";
    private const string AlexsAnswer = "Three nights of reading: lovely.";
    private const string SamsAnswer = "It felt like us again.";
    private static readonly DateOnly Session = new(2027, 3, 7);

    private AppDriver Driver => app.ClockedDriver;

    [Fact]
    public async Task MyDownloadHoldsMyNeedsMyEarlierWordsAndMyAnswersButNotMyPartnersWords()
    {
        var couple = await CoupleWithNeedsAsync();

        var sams = await ExportAsync(couple.Partner.Id);
        var alexs = await ExportAsync(couple.Inviter.Id);

        Assert.Contains(SamsNeed, sams, StringComparison.Ordinal);
        Assert.Contains(SamsOldWords, sams, StringComparison.Ordinal);
        Assert.DoesNotContain(AlexsNeed, sams, StringComparison.Ordinal);
        Assert.DoesNotContain(AlexsAnswer, sams, StringComparison.Ordinal);
        Assert.Contains(AlexsNeed, alexs, StringComparison.Ordinal);
        Assert.Contains(AlexsAnswer, alexs, StringComparison.Ordinal);
        Assert.DoesNotContain(SamsNeed, alexs, StringComparison.Ordinal);
        Assert.DoesNotContain(SamsOldWords, alexs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEndedCouplesArchiveHoldsBothListsAndHistoryButAnAnswerOnlyOnceBothAnswered()
    {
        var couple = await CoupleWithNeedsAsync();

        var onlyAlexAnswered = await ArchiveAsync(couple.CoupleId);

        Assert.Contains(SamsNeed, onlyAlexAnswered, StringComparison.Ordinal);
        Assert.Contains(SamsOldWords, onlyAlexAnswered, StringComparison.Ordinal);
        Assert.Contains(AlexsNeed, onlyAlexAnswered, StringComparison.Ordinal);
        Assert.DoesNotContain(AlexsAnswer, onlyAlexAnswered, StringComparison.Ordinal);

        await Driver.OccurrencesAsync(couple.Partner, occurrences => occurrences.WriteNeedAnswerAsync(couple.Reflection, Session, couple.SamsNeedId, SamsAnswer));
        var bothAnswered = await ArchiveAsync(couple.CoupleId);

        Assert.Contains(AlexsAnswer, bothAnswered, StringComparison.Ordinal);
        Assert.Contains(SamsAnswer, bothAnswered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANeedDeletedForGoodIsInNoDownloadAndNoArchive()
    {
        var couple = await CoupleWithNeedsAsync();

        await Driver.NeedOkAsync(couple.Partner, needs => needs.DeleteForGoodAsync(couple.SamsNeedId));

        foreach (var json in new[] { await ExportAsync(couple.Partner.Id), await ExportAsync(couple.Inviter.Id), await ArchiveAsync(couple.CoupleId) })
        {
            Assert.DoesNotContain(SamsNeed, json, StringComparison.Ordinal);
            Assert.DoesNotContain(SamsOldWords, json, StringComparison.Ordinal);
            Assert.DoesNotContain(AlexsAnswer, json, StringComparison.Ordinal);
        }
    }

    /// <summary>Sam's need (rewritten once) tried by Alex, who answered about it in the reflection; Alex's own need.</summary>
    private async Task<(TestPerson Inviter, TestPerson Partner, Guid CoupleId, Guid SamsNeedId, Guid Reflection)> CoupleWithNeedsAsync()
    {
        var couple = await app.NewCoupleAsync();
        var samsNeed = await Driver.WriteNeedAsync(couple.Partner, SamsOldWords);
        await Driver.NeedOkAsync(couple.Partner, needs => needs.ReviseAsync(samsNeed, SamsNeed));
        await Driver.WriteNeedAsync(couple.Inviter, AlexsNeed);
        await Driver.NeedOkAsync(couple.Inviter, needs => needs.StartTryingAsync(samsNeed));
        var reflection = await NeedsReflection.CreateAsync(Driver, couple);
        var answered = await Driver.OccurrencesAsync(couple.Inviter, occurrences => occurrences.WriteNeedAnswerAsync(reflection, Session, samsNeed, AlexsAnswer));
        Assert.True(answered.Succeeded, answered.Error);
        return (couple.Inviter, couple.Partner, couple.CoupleId, samsNeed, reflection);
    }

    private async Task<string> ExportAsync(string userId)
    {
        using var scope = app.ClockedFactory.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(userId);
        var source = scope.ServiceProvider.GetServices<IPersonalDataSource>().Single(candidate => candidate.Section == "needs");
        return JsonSerializer.Serialize(await source.ExportAsync(user!, CancellationToken.None));
    }

    private async Task<string> ArchiveAsync(Guid coupleId)
    {
        using var scope = app.ClockedFactory.Services.CreateScope();
        var source = scope.ServiceProvider.GetServices<ICoupleArchiveSource>().Single(candidate => candidate.Section == "needs");
        await using var db = await CoupleDb.OpenAsync(scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>(), coupleId);
        return JsonSerializer.Serialize(await source.ExportAsync(new CoupleArchiveContent(db, app.Factory.Services.GetRequiredService<TimeProvider>().GetUtcNow()), CancellationToken.None));
    }
}

/// <summary>The monthly reflection template, starting in January: sessions on 7 February and 7 March 2027 (19:00 Berlin).</summary>
internal static class NeedsReflection
{
    public static async Task<Guid> CreateAsync(AppDriver driver, PairedCouple couple)
    {
        var form = await driver.RitualsAsync(couple.Partner, rituals => rituals.NewFormAsync(RitualTemplates.MonthlyReflection.Key));
        Assert.NotNull(form);
        form.StartDate = new DateOnly(2027, 1, 10);
        return await driver.CreateRitualAsync(couple.Partner, form);
    }
}
