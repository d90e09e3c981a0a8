using CoupleConnect.IntegrationTests.Infrastructure;

namespace CoupleConnect.IntegrationTests.Rituals;

/// <summary>
/// The ritual pages choose what to show by the kind of refusal the service gives (its error code), never by its wording:
/// a ritual that isn't there says "gone", and someone without a partner hears when rituals start.
/// </summary>
public sealed class RitualPagesTellGoneFromNotPaired(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly Guid NoSuchRitual = Guid.Parse("0193a5b0-0000-7000-8000-00000000dead");

    public static TheoryData<string> PagesOfOneRitual => new()
    {
        $"/rituals/{NoSuchRitual}",
        $"/rituals/{NoSuchRitual}/edit",
        $"/rituals/{NoSuchRitual}/reflection/2026-11-27",
    };

    [Theory]
    [MemberData(nameof(PagesOfOneRitual))]
    public async Task APairedPersonAskingForARitualThatIsNotThereIsToldItIsGone(string path)
    {
        var couple = await app.Driver.PairNewAsync();
        using var browser = app.NewBrowser();
        await browser.LogInSuccessfullyAsync(couple.Inviter.Email, AppFixture.Password);

        var page = await browser.GetPageAsync(path);

        Assert.Contains("id=\"ritual-gone\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"rituals-unpaired\"", page, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(PagesOfOneRitual))]
    public async Task SomeoneWithoutAPartnerIsToldWhenRitualsStart(string path)
    {
        var loner = await app.Driver.NewPersonAsync("Robin");
        using var browser = app.NewBrowser();
        await browser.LogInSuccessfullyAsync(loner.Email, AppFixture.Password);

        var page = await browser.GetPageAsync(path);

        Assert.Contains("id=\"rituals-unpaired\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"ritual-gone\"", page, StringComparison.Ordinal);
    }
}
