using CoupleConnect.Domain.Positives;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.IntegrationTests.Needs;
using CoupleConnect.IntegrationTests.Rituals;
using CoupleConnect.IntegrationTests.Talks;

namespace CoupleConnect.IntegrationTests.Words;

/// <summary>
/// After a couple ends, each former partner can take everything they wrote out of the shared archive at once, for both
/// (the archive page's button, and the leave page through the same <c>AuthorWords</c>). The other's words stay, marked
/// where they answered the removed ones. Nothing happens for a couple that has not ended or for anyone not in it.
/// </summary>
public sealed class RemovingMyWordsFromTheArchive(WordsAppFixture app) : IClassFixture<WordsAppFixture>
{
    private static readonly DateOnly Today = new(2027, 3, 7);

    private static readonly string[] AlexsWords = ["Avocet", "Bluethroat", "Chiffchaff", "Dipper", "Eider", "Fieldfare", "Gadwall", "Hobby"];

    private static readonly string[] SamsWords = ["Sam answered: the harbour.", "Sam heard: Alex wants calm.", "Sam noticed: the kettle.", "Sam noted: the good cups.", "Sam heard: the boat matters."];

    private AppDriver Driver => app.ClockedDriver;

    [Fact]
    public async Task EverythingIWroteLeavesTheArchiveForBothAtOnceAndTheirWordsStayMarkedWhereTheyAnsweredMine()
    {
        var couple = await WriteEverywhereAsync();
        await Driver.LeaveAsync(couple.Partner);
        Assert.Contains("Chiffchaff", await Driver.ArchiveOfAsync(couple.Partner), StringComparison.Ordinal); // there before

        int? removed;
        await using (var alex = Driver.AsUser(couple.Inviter))
        {
            removed = await alex.AuthorWords().RemoveMineFromArchiveAsync();
        }

        Assert.True(removed >= AlexsWords.Length, $"Only {removed} entries were removed.");
        foreach (var former in new[] { couple.Inviter, couple.Partner })
        {
            var archive = await Driver.ArchiveOfAsync(former);
            Assert.All(AlexsWords, word => Assert.DoesNotContain(word, archive, StringComparison.Ordinal));
            Assert.All(SamsWords, words => Assert.Contains(words, archive, StringComparison.Ordinal));
            Assert.Contains("\"removedByItsAuthor\": true", archive, StringComparison.Ordinal);
        }

        await using (var alex = Driver.AsUser(couple.Inviter))
        {
            Assert.Equal(0, await alex.AuthorWords().RemoveMineFromArchiveAsync());
        }

        // Sam can do the same: then the archive holds the couple's shared things and nobody's words.
        await using (var sam = Driver.AsUser(couple.Partner))
        {
            Assert.True(await sam.AuthorWords().RemoveFromEndedCoupleAsync(couple.Partner.Id, couple.CoupleId, default) >= SamsWords.Length);
        }

        var emptied = await Driver.ArchiveOfAsync(couple.Inviter);
        Assert.All(SamsWords, words => Assert.DoesNotContain(words, emptied, StringComparison.Ordinal));
    }

    [Fact]
    public async Task NothingIsRemovedFromACoupleThatHasNotEndedNorBySomeoneWhoWasNotInIt()
    {
        var together = await WriteEverywhereAsync();
        var ended = await WriteEverywhereAsync();
        await Driver.LeaveAsync(ended.Inviter);
        var stranger = await Driver.NewPersonAsync("Stranger");
        var archiveBefore = await Driver.ArchiveOfAsync(ended.Partner);

        await using (var scope = Driver.AsUser(together.Inviter))
        {
            Assert.Equal(0, await scope.AuthorWords().RemoveFromEndedCoupleAsync(together.Inviter.Id, together.CoupleId, default));
            Assert.Equal(0, await scope.AuthorWords().RemoveFromEndedCoupleAsync(together.Inviter.Id, ended.CoupleId, default));
            Assert.Null(await scope.AuthorWords().RemoveMineFromArchiveAsync());
        }

        await using (var scope = Driver.AsUser(stranger))
        {
            Assert.Equal(0, await scope.AuthorWords().RemoveFromEndedCoupleAsync(stranger.Id, ended.CoupleId, default));
            Assert.Null(await scope.AuthorWords().RemoveMineFromArchiveAsync());
        }

        Assert.Contains("Chiffchaff", (await Driver.DashboardAsync(together.Partner)).Latest.Select(entry => entry.Note ?? string.Empty).Aggregate(string.Concat), StringComparison.Ordinal);
        Assert.Equal(RemoveTimes(archiveBefore), RemoveTimes(await Driver.ArchiveOfAsync(ended.Partner)));
    }

    /// <summary>The archive without its export time, which moves between two downloads.</summary>
    private static string RemoveTimes(string archive) => string.Join('\n', archive.Split('\n').Where(line => !line.Contains("\"exportedAt\"", StringComparison.Ordinal)));

    /// <summary>A couple where Alex (and Sam) wrote in every kind of place; Alex's words carry the bird names of <see cref="AlexsWords"/>.</summary>
    private async Task<PairedCouple> WriteEverywhereAsync()
    {
        var couple = await app.NewCoupleAsync();
        var day = await Driver.BothAnswerTodayAsync(couple, "Alex answered: Avocet.", "Sam answered: the harbour.");
        await Driver.OkAsync(couple.Partner, services => services.CheckIns.ReflectAsync(day, "Sam heard: Alex wants calm."));
        await Driver.OkAsync(couple.Inviter, services => services.CheckIns.ReflectAsync(day, "Alex heard: Bluethroat."));
        await Driver.OkAsync(couple.Inviter, services => services.CheckIns.ToggleHeartAsync(day));
        await Driver.LogPositiveAsync(couple.Inviter, PositiveKind.Help, "Alex noticed: Chiffchaff.");
        await Driver.LogPositiveAsync(couple.Partner, PositiveKind.Help, "Sam noticed: the kettle.");
        var ritual = await Driver.CreateRitualAsync(couple.Partner, RitualForms.Daily("Morning coffee", Today.AddDays(-3), "08:00"));
        await Driver.WriteNoteAsync(couple.Inviter, ritual, Today, "Alex noted: Dipper.");
        await Driver.WriteNoteAsync(couple.Partner, ritual, Today, "Sam noted: the good cups.");
        await Driver.WriteNeedAsync(couple.Inviter, "We could see the Eider together on Sundays.");
        var talk = await Driver.ProposeNowAsync(couple.Inviter, "Alex proposes: Fieldfare");
        await Driver.DoAsync(couple.Partner, talks => talks.AcceptAsync(talk));
        await Driver.DoAsync(couple.Inviter, talks => talks.SpeakAsync(talk, "Alex said: Gadwall."));
        await Driver.DoAsync(couple.Partner, talks => talks.ReflectAsync(talk, "Sam heard: the boat matters."));
        await Driver.DoAsync(couple.Inviter, talks => talks.EndAsync(talk));
        await Driver.DoAsync(couple.Inviter, talks => talks.NameNextStepAsync(talk, "Alex will try: Hobby."));
        return couple;
    }
}
