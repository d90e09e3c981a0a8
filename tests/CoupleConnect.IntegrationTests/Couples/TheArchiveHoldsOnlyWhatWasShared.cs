using System.Text;
using CoupleConnect.Domain.CheckIns;
using CoupleConnect.Domain.Positives;
using CoupleConnect.Domain.Rituals;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.IntegrationTests.Rituals;
using CoupleConnect.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CoupleConnect.IntegrationTests.Couples;

/// <summary>Sunday 7 March 2027, 11:00 in Berlin (a monthly-reflection session day); each test may move the clock on a day.</summary>
public sealed class ArchiveAppFixture() : RitualsAppFixture(March2027AppFixture.StartsAt);

/// <summary>
/// After a couple ends, each former partner's archive (and "download my data") holds only what the other had been
/// shown while together: never an answer before both answered, nor a monthly reflection before both wrote. One source
/// at a time, each with something shared (which must be there) and something unshared (which must not).
/// </summary>
public sealed class TheArchiveHoldsOnlyWhatWasShared(ArchiveAppFixture app) : IClassFixture<ArchiveAppFixture>
{
    private static readonly DateOnly Session = new(2027, 3, 7);

    private AppDriver Driver => app.ClockedDriver;

    [Fact]
    public async Task TheCheckInsInTheArchiveAreOnlyTheDaysBothHadAnswered()
    {
        var couple = await app.NewCoupleAsync();
        var shared = await Driver.BothAnswerTodayAsync(couple, "Alex shared: the week at the lake.", "Sam shared: your laugh at the karaoke.");
        await using (var asSam = Driver.AsUser(couple.Partner))
        {
            Assert.True((await asSam.CheckIns.ReflectAsync(shared, "Sam reflects: the lake felt like home.")).Succeeded);
        }

        await using (var asAlex = Driver.AsUser(couple.Inviter))
        {
            Assert.True((await asAlex.CheckIns.RespondToReflectionAsync(shared, ReflectionVerdict.NotQuite, "Alex clarifies: the mornings there.")).Succeeded);
        }

        app.Clock.Advance(TimeSpan.FromDays(1));
        var unrevealed = await Driver.AnswerTodayAsync(couple.Inviter, "Alex unrevealed: Plover.");
        Assert.NotEqual(shared, unrevealed.Day);

        await Driver.LeaveAsync(couple.Partner);

        foreach (var former in new[] { couple.Inviter, couple.Partner })
        {
            var archive = await ArchiveOfAsync(former);
            Assert.Contains("Alex shared: the week at the lake.", archive, StringComparison.Ordinal);
            Assert.Contains("Sam shared: your laugh at the karaoke.", archive, StringComparison.Ordinal);
            Assert.Contains("Sam reflects: the lake felt like home.", archive, StringComparison.Ordinal);
            Assert.Contains("Alex clarifies: the mornings there.", archive, StringComparison.Ordinal);
            Assert.DoesNotContain("Plover", archive, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheRitualsInTheArchiveHoldOnlyTheMonthlyReflectionsBothHadWritten()
    {
        var couple = await app.NewCoupleAsync();
        var bothWrote = await CreateReflectionAsync(couple, "Our month");
        var onlyAlexWrote = await CreateReflectionAsync(couple, "Our month, a second look");
        await Driver.WriteReflectionAsync(couple.Inviter, bothWrote, Session, "Alex shared: we kept Sundays free.", "Alex goal: learn to make ramen.");
        await Driver.WriteReflectionAsync(couple.Partner, bothWrote, Session, "Sam shared: fewer late nights.", "Sam goal: a weekend without laptops.");
        await Driver.WriteReflectionAsync(couple.Inviter, onlyAlexWrote, Session, "Alex unrevealed: Bittern.", "Alex unrevealed goal: Godwit.");

        await Driver.LeaveAsync(couple.Inviter);

        foreach (var former in new[] { couple.Inviter, couple.Partner })
        {
            var archive = await ArchiveOfAsync(former);
            Assert.Contains("Our month, a second look", archive, StringComparison.Ordinal);
            Assert.Contains("Alex shared: we kept Sundays free.", archive, StringComparison.Ordinal);
            Assert.Contains("Sam goal: a weekend without laptops.", archive, StringComparison.Ordinal);
            Assert.DoesNotContain("Bittern", archive, StringComparison.Ordinal);
            Assert.DoesNotContain("Godwit", archive, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ThePositivesInTheArchiveAreAllThereAsEachWasShownAtOnce()
    {
        var couple = await app.NewCoupleAsync();
        await Driver.LogPositiveAsync(couple.Inviter, PositiveKind.Help, "Alex noticed: you fixed the bike.");
        await Driver.WriteGratitudeAsync(couple.Partner, "Sam thanks: dinner was lovely.");

        await Driver.LeaveAsync(couple.Partner);

        foreach (var former in new[] { couple.Inviter, couple.Partner })
        {
            var archive = await ArchiveOfAsync(former);
            Assert.Contains("Alex noticed: you fixed the bike.", archive, StringComparison.Ordinal);
            Assert.Contains("Sam thanks: dinner was lovely.", archive, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task MyDownloadKeepsMyOwnUnsharedWordsButNeverGivesMeMyPartnersUnsharedOnes()
    {
        var couple = await app.NewCoupleAsync();
        var reflection = await CreateReflectionAsync(couple, "Our month");
        await Driver.AnswerTodayAsync(couple.Inviter, "Alex unrevealed: Avocet.");
        await Driver.WriteReflectionAsync(couple.Inviter, reflection, Session, "Alex unrevealed: Dunlin.", "Alex unrevealed goal: Knot.");
        await Driver.LogPositiveAsync(couple.Inviter, PositiveKind.KindWord, "Alex noticed: Curlew.");

        await Driver.LeaveAsync(couple.Inviter);

        var sams = await DownloadOfAsync(couple.Partner);
        Assert.Contains("Alex noticed: Curlew.", sams, StringComparison.Ordinal); // shown to Sam at once
        Assert.DoesNotContain("Avocet", sams, StringComparison.Ordinal);
        Assert.DoesNotContain("Dunlin", sams, StringComparison.Ordinal);
        Assert.DoesNotContain("Knot", sams, StringComparison.Ordinal);

        // Alex wrote them: Alex's own download still has them.
        var alexs = await DownloadOfAsync(couple.Inviter);
        Assert.Contains("Alex unrevealed: Avocet.", alexs, StringComparison.Ordinal);
        Assert.Contains("Alex unrevealed: Dunlin.", alexs, StringComparison.Ordinal);
        Assert.Contains("Alex noticed: Curlew.", alexs, StringComparison.Ordinal);
    }

    /// <summary>A monthly reflection (first Sunday, 19:00) named <paramref name="name"/>, made by Sam.</summary>
    private async Task<Guid> CreateReflectionAsync(PairedCouple couple, string name)
    {
        var form = await Driver.RitualsAsync(couple.Partner, rituals => rituals.NewFormAsync(RitualTemplates.MonthlyReflection.Key));
        Assert.NotNull(form);
        form.Name = name;
        form.StartDate = new DateOnly(2027, 1, 10);
        return await Driver.CreateRitualAsync(couple.Partner, form);
    }

    /// <summary>The archive JSON exactly as the former partner downloads it.</summary>
    private async Task<string> ArchiveOfAsync(TestPerson former)
    {
        await using var scope = Driver.AsUser(former);
        var json = await scope.Archive.ExportAsync(former.Id);
        Assert.NotNull(json);
        return Encoding.UTF8.GetString(json);
    }

    /// <summary>"Download my data" exactly as the person gets it.</summary>
    private async Task<string> DownloadOfAsync(TestPerson person)
    {
        await using var scope = Driver.AsUser(person);
        var user = await scope.Get<UserManager<ApplicationUser>>().FindByIdAsync(person.Id);
        return Encoding.UTF8.GetString(await scope.Get<PersonalDataExporter>().ExportAsync(user!));
    }
}
