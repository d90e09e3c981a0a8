using CoupleConnect.Domain.Positives;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Positives;

namespace CoupleConnect.IntegrationTests.Positives;

/// <summary>
/// The small positives page's list (issue 15 item 10): every entry of the couple, newest first, filtered by who wrote
/// it and its kind, gratitude being its own kind; another couple's entries never appear (the couple filter).
/// </summary>
public sealed class ListingAllPositives(AppFixture app) : IClassFixture<AppFixture>
{
    private readonly AppDriver _app = app.Driver;

    [Fact]
    public async Task ListsEveryEntryOfTheCoupleNewestFirstAndFiltersByWhoAndKind()
    {
        var couple = await _app.PairNewAsync();
        var (alex, sam) = (couple.Inviter, couple.Partner);
        var help = await _app.LogPositiveAsync(alex, PositiveKind.Help, "Carried the shopping up");
        var thanks = await _app.LogPositiveAsync(sam, PositiveKind.Gratitude, "Said thank you for dinner");
        var evening = await _app.WriteGratitudeAsync(sam, "The way you laughed at breakfast");
        var affection = await _app.LogPositiveAsync(sam, PositiveKind.Affection);
        var stranger = await _app.PairNewAsync("Kim", "Lee");
        await _app.LogPositiveAsync(stranger.Inviter, PositiveKind.Help, "Someone else's note");

        Assert.Equal([affection.Id, evening.Id, thanks.Id, help.Id], await IdsAsync(alex, PositiveAuthor.Both, PositiveKindChoice.All));
        Assert.Equal([help.Id], await IdsAsync(alex, PositiveAuthor.Me, PositiveKindChoice.All));
        Assert.Equal([affection.Id, evening.Id, thanks.Id], await IdsAsync(alex, PositiveAuthor.Partner, PositiveKindChoice.All));
        Assert.Equal([evening.Id], await IdsAsync(alex, PositiveAuthor.Both, PositiveKindChoice.Gratitude));
        Assert.Equal([thanks.Id], await IdsAsync(alex, PositiveAuthor.Both, PositiveKindChoice.FromKey("said-thanks")));
        Assert.Equal([help.Id], await IdsAsync(alex, PositiveAuthor.Both, PositiveKindChoice.FromKey("help")));
        Assert.Empty(await IdsAsync(alex, PositiveAuthor.Me, PositiveKindChoice.FromKey("affection")));

        // Seen from Sam's side, "me" and "partner" swap.
        Assert.Equal([help.Id], await IdsAsync(sam, PositiveAuthor.Partner, PositiveKindChoice.All));
    }

    [Fact]
    public async Task ShowsAPageAtATimeAndSaysWhenThereIsMore()
    {
        var couple = await _app.PairNewAsync();
        for (var index = 0; index < 3; index++)
        {
            await _app.LogPositiveAsync(couple.Inviter, PositiveKind.KindWord, $"Kind word {index}");
        }

        await using var scope = _app.AsUser(couple.Partner);
        var first = await scope.Positives.ListAsync(PositiveAuthor.Both, PositiveKindChoice.All, take: 2);
        var all = await scope.Positives.ListAsync(PositiveAuthor.Both, PositiveKindChoice.All, take: 3);

        Assert.Equal((2, true, "Alex"), (first!.Entries.Count, first.HasMore, first.PartnerName));
        Assert.Equal((3, false), (all!.Entries.Count, all.HasMore));
        Assert.Equal("Kind word 2", first.Entries[0].Note);
    }

    [Fact]
    public void UnknownKindsInTheAddressShowEveryKind()
    {
        Assert.Same(PositiveKindChoice.All, PositiveKindChoice.FromKey("<script>"));
        Assert.Same(PositiveKindChoice.Gratitude, PositiveKindChoice.FromKey("GRATITUDE"));
    }

    private async Task<List<Guid>> IdsAsync(TestPerson person, PositiveAuthor who, PositiveKindChoice kind)
    {
        await using var scope = _app.AsUser(person);
        var list = await scope.Positives.ListAsync(who, kind, take: 50);
        Assert.NotNull(list);
        return list.Entries.Select(entry => entry.Id).ToList();
    }
}
