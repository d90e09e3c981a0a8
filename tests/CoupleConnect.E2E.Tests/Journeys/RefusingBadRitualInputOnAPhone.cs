using System.Text.RegularExpressions;
using CoupleConnect.E2E.Tests.Infrastructure;
using CoupleConnect.E2E.Tests.PageObjects;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoupleConnect.E2E.Tests.Journeys;

/// <summary>
/// The ritual form on a phone, refusing what it can't keep: a name over 80 characters, a name with markup in it, a
/// weekly ritual on no day. Each time a clear message, nothing saved, and everything typed still in the fields.
/// </summary>
[Collection(RealAppTests.Name)]
public sealed class RefusingBadRitualInputOnAPhone(AppFixture app, ITestOutputHelper output)
{
    private const string LongName = "Sunday morning walk along the river, then coffee and cake at the café by the bridge";
    private const string MarkupName = "Date <b>night</b>";
    private const string Description = "Just the two of us, whatever the weather.";
    private const string Time = "10:15";

    [Fact]
    public async Task TooLongAMarkedUpNameOrAWeekWithNoDayIsRefusedWithAMessageAndTheFormKeepsWhatWasTyped()
    {
        Assert.True(LongName.Length > 80, "The long name must be over the limit.");
        var alexPerson = new Person("Alex", "Europe/Berlin");
        var alex = await app.PairedInvitersPhoneAsync(alexPerson, new Person("Sam", "America/New_York"));
        await using var alexContext = alex.Context;
        try
        {
            var editor = new RitualEditorPage(alex);
            await editor.OpenNewAsync();
            await Expect(editor.HowOften).ToHaveTextAsync("Every week");
            await Expect(editor.ChosenDays).ToHaveCountAsync(1); // today's weekday, to begin with
            var today = await editor.StartDateAsync();
            await Expect(editor.Day(today.DayOfWeek)).ToHaveAttributeAsync("aria-pressed", "true");

            // A name over 80 characters: the field says so as it is typed, and saving is refused.
            await editor.Name.FillAsync(LongName);
            await editor.Description.FillAsync(Description);
            await editor.StartTime.FillAsync(Time);
            await Expect(editor.Form.GetByText($"{LongName.Length} characters: please shorten to 80. Nothing is lost while you edit.")).ToBeVisibleAsync();
            await editor.Save.TapAsync();
            await Expect(editor.Error).ToHaveTextAsync($"Please keep the name to 80 characters or fewer (this one has {LongName.Length}).");
            await Expect(editor.Error).ToHaveAttributeAsync("role", "alert");
            await ExpectStillTypedAsync(editor, alex, LongName);
            await AtRestAsync(alex);
            await Shot(alex, "ritual-bad-input-01-name-too-long");

            // Markup in the name.
            await editor.Name.FillAsync(MarkupName);
            await editor.Save.TapAsync();
            await Expect(editor.Error).ToHaveTextAsync("A ritual name can't contain < or >.");
            await ExpectStillTypedAsync(editor, alex, MarkupName);
            await Expect(editor.Form.Locator("b")).ToHaveCountAsync(0);
            await AtRestAsync(alex);
            await Shot(alex, "ritual-bad-input-02-name-with-markup");

            // A good name, but every week on no day at all.
            await editor.Name.FillAsync("Sunday walk");
            await editor.Day(today.DayOfWeek).TapAsync();
            await Expect(editor.ChosenDays).ToHaveCountAsync(0);
            await editor.Save.TapAsync();
            await Expect(editor.Error).ToHaveTextAsync("Choose at least one day of the week.");
            await ExpectStillTypedAsync(editor, alex, "Sunday walk");
            await Expect(editor.ChosenDays).ToHaveCountAsync(0);
            await Expect(editor.HowOften).ToHaveTextAsync("Every week");
            await AtRestAsync(alex);
            await Shot(alex, "ritual-bad-input-03-no-day-chosen");

            // Nothing was saved: the list still has no rituals, nor has the database.
            var rituals = new RitualsPage(alex);
            await rituals.OpenAsync();
            await Expect(rituals.Empty).ToBeVisibleAsync();
            await Expect(rituals.List).ToHaveCountAsync(0);
            var alexId = await app.UserIdOfAsync(alexPerson.Email);
            Assert.Equal(0L, await app.QueryScalarAsync<long>(
                "SELECT count(*) FROM rituals WHERE couple_id = (SELECT couple_id FROM couple_members WHERE user_id = @alex AND left_at IS NULL)", ("alex", alexId)));
        }
        catch
        {
            await Shot(alex, "failure-ritual-bad-input");
            throw;
        }
    }

    /// <summary>Still on the new-ritual form, with the name, description and time as typed.</summary>
    private static async Task ExpectStillTypedAsync(RitualEditorPage editor, IPage page, string name)
    {
        await Expect(page).ToHaveURLAsync(new Regex(@"/rituals/new$"));
        await Expect(editor.Name).ToHaveValueAsync(name);
        await Expect(editor.Description).ToHaveValueAsync(Description);
        await Expect(editor.StartTime).ToHaveValueAsync(Time);
        await Expect(editor.Save).ToBeEnabledAsync();
    }

    /// <summary>As a person sees the form once they look up from it: no hover, focus ring, ripple or fade still on the button just tapped.</summary>
    private static async Task AtRestAsync(IPage page)
    {
        await page.Mouse.MoveAsync(0, 0);
        await page.EvaluateAsync("() => document.activeElement?.blur()");
        await page.WaitForFunctionAsync(
            "() => document.getAnimations().every(animation => animation.effect?.getComputedTiming().endTime === Infinity || animation.playState !== 'running')");
    }

    private async Task Shot(IPage page, string name) => output.WriteLine("Screenshot: " + await Screenshots.SaveAsync(page, name));
}
