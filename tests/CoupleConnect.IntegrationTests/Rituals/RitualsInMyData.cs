using System.Text.Json;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoupleConnect.IntegrationTests.Rituals;

/// <summary>
/// "Download my data" holds the rituals a person created and the notes they wrote (never the partner's words), and an
/// ended couple's archive holds both partners' notes and what became of each occasion (ADR 0015).
/// </summary>
public sealed class RitualsInMyData(March2027AppFixture app) : IClassFixture<March2027AppFixture>
{
    private const string AlexsNote = "Pancakes at dawn, then the long walk.";
    private const string SamsNote = "I loved the quiet after the walk.";

    private AppDriver Driver => app.ClockedDriver;

    [Fact]
    public async Task MyDownloadHoldsMyRitualsAndMyNotesButNotMyPartnersNotes()
    {
        var (couple, _) = await CoupleWithANoteEachAsync("Sunday breakfast");

        var json = await ExportAsync(couple.Inviter.Id);

        Assert.Contains("Sunday breakfast", json, StringComparison.Ordinal);
        Assert.Contains(AlexsNote, json, StringComparison.Ordinal);
        Assert.DoesNotContain(SamsNote, json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEndedCouplesArchiveHoldsBothNotesAndTheOccasionsOutcome()
    {
        var (couple, _) = await CoupleWithANoteEachAsync("Saturday market");

        using var scope = app.ClockedFactory.Services.CreateScope();
        var source = scope.ServiceProvider.GetServices<ICoupleArchiveSource>().Single(candidate => candidate.Section == "rituals");
        await using var db = await CoupleDb.OpenAsync(scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>(), couple.CoupleId);
        var json = JsonSerializer.Serialize(await source.ExportAsync(new CoupleArchiveContent(db, app.Factory.Services.GetRequiredService<TimeProvider>().GetUtcNow()), CancellationToken.None));

        Assert.Contains("Saturday market", json, StringComparison.Ordinal);
        Assert.Contains(AlexsNote, json, StringComparison.Ordinal);
        Assert.Contains(SamsNote, json, StringComparison.Ordinal);
        Assert.Contains("\"Status\":\"Done\"", json, StringComparison.Ordinal);
    }

    /// <summary>A daily ritual at 09:00 Berlin, started today (the clock says 11:00): today's occasion done, a note from each.</summary>
    private async Task<(PairedCouple Couple, Guid RitualId)> CoupleWithANoteEachAsync(string name)
    {
        var couple = await app.NewCoupleAsync();
        var today = app.Today();
        var id = await Driver.CreateRitualAsync(couple.Inviter, RitualForms.Daily(name, today, "09:00"));
        await Driver.MarkAsync(couple.Partner, id, today, Domain.Rituals.RitualOutcomeStatus.Done);
        await Driver.WriteNoteAsync(couple.Inviter, id, today, AlexsNote);
        await Driver.WriteNoteAsync(couple.Partner, id, today, SamsNote);
        return (couple, id);
    }

    private async Task<string> ExportAsync(string userId)
    {
        using var scope = app.ClockedFactory.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(userId);
        var source = scope.ServiceProvider.GetServices<IPersonalDataSource>().Single(candidate => candidate.Section == "rituals");
        return JsonSerializer.Serialize(await source.ExportAsync(user!, CancellationToken.None));
    }
}
