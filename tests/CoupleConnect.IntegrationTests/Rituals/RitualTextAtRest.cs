using CoupleConnect.Domain.Rituals;
using CoupleConnect.IntegrationTests.Infrastructure;

namespace CoupleConnect.IntegrationTests.Rituals;

/// <summary>
/// What partners write about a ritual (its name and description, notes, reflections) goes through the encrypting
/// converter: the raw columns hold only ciphertext, and the app gives back exactly what was typed.
/// </summary>
public sealed class RitualTextAtRest(March2027AppFixture app) : IClassFixture<March2027AppFixture>
{
    private const string CiphertextPrefix = "enc:v3:";

    private const string Name = "Lighthouse picnic & \"chamomile\" tea";
    private const string Description = "Blankets, thermos, binoculars — שלום and مرحبا to the gulls.";
    private const string Note = "Fog rolled in;\nwe stayed anyway <i>giggling</i>.";
    private const string WentWell = "Patience during renovations, mostly.";
    private const string Goal = "Visit Grandmother's orchard together.";

    [Fact]
    public async Task NameDescriptionNoteAndReflectionAreCiphertextInTheTablesAndReadBackExactly()
    {
        var couple = await app.NewCoupleAsync();
        var form = await app.ClockedDriver.RitualsAsync(couple.Inviter, rituals => rituals.NewFormAsync(RitualTemplates.MonthlyReflection.Key));
        Assert.NotNull(form);
        form.Name = Name;
        form.Description = Description;
        form.StartDate = new DateOnly(2027, 1, 10);
        var id = await app.ClockedDriver.CreateRitualAsync(couple.Inviter, form);
        var february = new DateOnly(2027, 2, 7);
        await app.ClockedDriver.MarkAsync(couple.Partner, id, february, RitualOutcomeStatus.Done);
        await app.ClockedDriver.WriteNoteAsync(couple.Partner, id, february, Note);
        await app.ClockedDriver.WriteReflectionAsync(couple.Inviter, id, new DateOnly(2027, 3, 7), WentWell, Goal);

        AssertCiphertextOf(Name, Assert.Single(await app.Tables.RawColumnAsync("rituals", "name", id)));
        AssertCiphertextOf(Description, Assert.Single(await app.Tables.RawColumnAsync("rituals", "description", id)));
        AssertCiphertextOf(Note, Assert.Single(await app.Tables.RawColumnAsync("ritual_notes", "text", id)));
        AssertCiphertextOf(WentWell, Assert.Single(await app.Tables.RawColumnAsync("monthly_reflections", "went_well", id)));
        AssertCiphertextOf(Goal, Assert.Single(await app.Tables.RawColumnAsync("monthly_reflections", "goal", id)));
        var everything = await app.Tables.RowsAsJsonAsync(id);
        foreach (var plaintext in new[] { Name, Description, Note, WentWell, Goal })
        {
            AssertNothingReadable(plaintext, everything);
        }

        var detail = await app.ClockedDriver.RitualAsync(couple.Partner, id);
        Assert.Equal((Name, Description), (detail.Summary.Name, detail.Summary.Description));
        Assert.Equal(Note, Assert.Single(Assert.Single(detail.Past, past => past.Occurrence.Day == february).Notes).Text);
        var reflection = await app.ClockedDriver.ReflectionAsync(couple.Inviter, id, new DateOnly(2027, 3, 7));
        Assert.Equal((WentWell, Goal), (reflection.Mine.WentWell, reflection.Mine.Goal));
    }

    [Fact]
    public async Task TheSameNameTwiceIsStoredDifferently()
    {
        var couple = await app.NewCoupleAsync();
        var first = await app.ClockedDriver.CreateRitualAsync(couple.Inviter, RitualForms.Weekly("Same words", new DateOnly(2027, 3, 7), "19:00", DayOfWeek.Monday));
        var second = await app.ClockedDriver.CreateRitualAsync(couple.Partner, RitualForms.Weekly("Same words", new DateOnly(2027, 3, 7), "19:00", DayOfWeek.Monday));

        var raw = new[] { Assert.Single(await app.Tables.RawColumnAsync("rituals", "name", first)), Assert.Single(await app.Tables.RawColumnAsync("rituals", "name", second)) };

        Assert.All(raw, value => AssertCiphertextOf("Same words", value));
        Assert.NotEqual(raw[0], raw[1]);
        Assert.Empty(await app.Tables.RawColumnAsync("rituals", "description", first)); // no description stays NULL, not an encrypted empty string
    }

    private static void AssertCiphertextOf(string plaintext, string raw)
    {
        Assert.StartsWith(CiphertextPrefix, raw, StringComparison.Ordinal);
        AssertNothingReadable(plaintext, raw);
    }

    /// <summary>Neither the text nor any of its longer words appears in <paramref name="raw"/> (6+ letters: base64 can't spell those by chance).</summary>
    private static void AssertNothingReadable(string plaintext, string raw)
    {
        Assert.DoesNotContain(plaintext, raw, StringComparison.OrdinalIgnoreCase);
        var words = plaintext.Split([' ', '\n', ',', ';', '.', '<', '>', '/', '&', '"', '\'', '—'], StringSplitOptions.RemoveEmptyEntries)
            .Where(word => word.Length >= 6 && word.All(char.IsLetter));
        foreach (var word in words)
        {
            Assert.False(raw.Contains(word, StringComparison.OrdinalIgnoreCase), $"The raw column contains \"{word}\" from the plaintext: {raw}");
        }
    }
}
