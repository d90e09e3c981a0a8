using System.Text.Json;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Features.CheckIns;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Features.Privacy;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoupleConnect.IntegrationTests.Privacy;

/// <summary>
/// Reveal together (docs/adr/0036), through the real app: with it on, writing "." reveals nothing; the answers open
/// only when both tapped Reveal; and turning it off needs both.
/// </summary>
public sealed class RevealTogether(AppFixture app) : IClassFixture<AppFixture>
{
    private readonly AppDriver _app = app.Driver;

    [Fact]
    public async Task ADotDoesNotOpenThePartnersAnswerAndTheAnswersOpenOnlyOnceBothTappedReveal()
    {
        var couple = await _app.PairNewAsync();
        var (alex, sam) = (couple.Inviter, couple.Partner);
        await ChangeAsync(sam, privacy => privacy.TurnOnRevealTogetherAsync());
        var alexsAnswer = $"I miss how we used to talk at night {Guid.NewGuid():N}";
        var day = (await _app.AnswerTodayAsync(alex, alexsAnswer)).Day;

        await _app.AnswerAsync(sam, day, ".");

        var samWaits = await DayAsync(sam, day);
        Assert.Equal((CheckInState.WaitingForReveal, false, null), (samWaits.State, samWaits.IsRevealed, samWaits.Revealed));
        Assert.DoesNotContain(alexsAnswer, JsonSerializer.Serialize(samWaits), StringComparison.Ordinal);
        Assert.DoesNotContain(alexsAnswer, await DownloadAsync(sam), StringComparison.Ordinal);
        Assert.DoesNotContain(alexsAnswer, await ArchiveAsync(couple.CoupleId), StringComparison.Ordinal);

        await RevealAsync(sam, day);
        var afterOneTap = await DayAsync(sam, day);
        Assert.Equal((CheckInState.WaitingForReveal, true, false), (afterOneTap.State, afterOneTap.ITappedReveal, afterOneTap.PartnerTappedReveal));
        Assert.Null(afterOneTap.Revealed);
        Assert.True((await DayAsync(alex, day)).PartnerTappedReveal);

        await RevealAsync(alex, day);

        Assert.Equal(alexsAnswer, (await DayAsync(sam, day)).Revealed?.PartnerAnswer);
        Assert.Equal(".", (await DayAsync(alex, day)).Revealed?.PartnerAnswer);
        Assert.Contains(alexsAnswer, await ArchiveAsync(couple.CoupleId), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevealCannotBeTappedBeforeBothAnswered()
    {
        var couple = await _app.PairNewAsync();
        await ChangeAsync(couple.Inviter, privacy => privacy.TurnOnRevealTogetherAsync());
        var day = (await _app.AnswerTodayAsync(couple.Inviter, "The walk by the river.")).Day;

        await using var scope = _app.AsUser(couple.Inviter);
        var refused = await scope.CheckIns.RevealAsync(day);

        Assert.False(refused.Succeeded);
        Assert.False((await DayAsync(couple.Inviter, day)).ITappedReveal);
    }

    [Fact]
    public async Task TurningItOffNeedsBothOneAsksAndTheOtherAgrees()
    {
        var couple = await _app.PairNewAsync();
        var (alex, sam) = (couple.Inviter, couple.Partner);
        await ChangeAsync(alex, privacy => privacy.TurnOnRevealTogetherAsync());

        await ChangeAsync(sam, privacy => privacy.AskToEndRevealTogetherAsync());

        Assert.Equal(new PrivacySettings(alex.DisplayName, true, true, false, false), await SettingsAsync(sam));
        Assert.Equal(new PrivacySettings(sam.DisplayName, true, false, true, false), await SettingsAsync(alex));
        await using (var asSam = _app.AsUser(sam))
        {
            Assert.False((await asSam.Get<PrivacyService>().AgreeToEndRevealTogetherAsync()).Succeeded);
        }

        Assert.True((await SettingsAsync(sam))!.RevealTogether);
        var day = (await _app.AnswerTodayAsync(alex, "Still together on this.")).Day;
        await _app.AnswerAsync(sam, day, ".");
        Assert.Equal(CheckInState.WaitingForReveal, (await DayAsync(sam, day)).State);

        await ChangeAsync(alex, privacy => privacy.AgreeToEndRevealTogetherAsync());

        Assert.False((await SettingsAsync(sam))!.RevealTogether);
        Assert.False((await SettingsAsync(alex))!.RevealTogether);
    }

    [Fact]
    public async Task ThePartnerCanDeclineSoItStaysOn()
    {
        var couple = await _app.PairNewAsync();
        await ChangeAsync(couple.Inviter, privacy => privacy.TurnOnRevealTogetherAsync());
        await ChangeAsync(couple.Inviter, privacy => privacy.AskToEndRevealTogetherAsync());

        await ChangeAsync(couple.Partner, privacy => privacy.KeepRevealTogetherAsync());

        Assert.Equal(new PrivacySettings(couple.Inviter.DisplayName, true, false, false, false), await SettingsAsync(couple.Partner));
    }

    private async Task ChangeAsync(TestPerson person, Func<PrivacyService, Task<Web.Infrastructure.ServiceResult>> change)
    {
        await using var scope = _app.AsUser(person);
        var result = await change(scope.Get<PrivacyService>());
        Assert.True(result.Succeeded, result.Error);
    }

    private async Task<PrivacySettings?> SettingsAsync(TestPerson person)
    {
        await using var scope = _app.AsUser(person);
        return await scope.Get<PrivacyService>().GetAsync();
    }

    private async Task RevealAsync(TestPerson person, DateOnly day)
    {
        await using var scope = _app.AsUser(person);
        var result = await scope.CheckIns.RevealAsync(day);
        Assert.True(result.Succeeded, result.Error);
    }

    private async Task<CheckInDay> DayAsync(TestPerson person, DateOnly day)
    {
        await using var scope = _app.AsUser(person);
        return (await scope.CheckIns.GetDayAsync(day))!;
    }

    private async Task<string> DownloadAsync(TestPerson person)
    {
        using var scope = app.Factory.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(person.Id);
        var sections = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var source in scope.ServiceProvider.GetServices<IPersonalDataSource>())
        {
            sections[source.Section] = await source.ExportAsync(user!, CancellationToken.None);
        }

        return JsonSerializer.Serialize(sections);
    }

    private async Task<string> ArchiveAsync(Guid coupleId)
    {
        using var scope = app.Factory.Services.CreateScope();
        await using var db = await CoupleDb.OpenAsync(scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>(), coupleId);
        var sections = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var source in scope.ServiceProvider.GetServices<ICoupleArchiveSource>())
        {
            sections[source.Section] = await source.ExportAsync(new CoupleArchiveContent(db, app.Factory.Services.GetRequiredService<TimeProvider>().GetUtcNow()), CancellationToken.None);
        }

        return JsonSerializer.Serialize(sections);
    }
}
