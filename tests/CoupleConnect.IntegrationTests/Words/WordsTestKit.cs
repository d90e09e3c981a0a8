using System.Text;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.IntegrationTests.Rituals;
using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace CoupleConnect.IntegrationTests.Words;

/// <summary>Sunday 7 March 2027, 11:00 in Berlin: a monthly-reflection session day, with a daily ritual already under way.</summary>
public sealed class WordsAppFixture() : RitualsAppFixture(March2027AppFixture.StartsAt);

/// <summary>What "my words are mine" tests read: every place a person's words could still be found afterwards.</summary>
public static class WordsTestKit
{
    /// <summary>"Download my data" exactly as the person gets it.</summary>
    public static async Task<string> DownloadOfAsync(this AppDriver app, TestPerson person)
    {
        await using var scope = app.AsUser(person);
        var user = await scope.Get<UserManager<ApplicationUser>>().FindByIdAsync(person.Id);
        return Encoding.UTF8.GetString(await scope.Get<PersonalDataExporter>().ExportAsync(user!));
    }

    /// <summary>The ended couple's archive exactly as the former partner downloads it.</summary>
    public static async Task<string> ArchiveOfAsync(this AppDriver app, TestPerson former)
    {
        await using var scope = app.AsUser(former);
        var json = await scope.Archive.ExportAsync(former.Id);
        Assert.NotNull(json);
        return Encoding.UTF8.GetString(json);
    }

    /// <summary>Runs one action as <paramref name="person"/> and fails the test when the app refuses it.</summary>
    public static async Task OkAsync(this AppDriver app, TestPerson person, Func<SignedInServices, Task<ServiceResult>> act)
    {
        await using var scope = app.AsUser(person);
        var result = await act(scope);
        Assert.True(result.Succeeded, $"{person.DisplayName} was refused: {result.Error}");
    }

    /// <summary>Runs one action as <paramref name="person"/> and returns the refusal (the test fails if it succeeded).</summary>
    public static async Task<string> RefusedAsync(this AppDriver app, TestPerson person, Func<SignedInServices, Task<ServiceResult>> act)
    {
        await using var scope = app.AsUser(person);
        var result = await act(scope);
        Assert.False(result.Succeeded, $"{person.DisplayName} should have been refused.");
        return result.Error!;
    }

    public static AuthorWords AuthorWords(this SignedInServices services) => services.Get<AuthorWords>();
}
