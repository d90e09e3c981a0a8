using CoupleConnect.Domain.Positives;
using CoupleConnect.IntegrationTests.Infrastructure;

namespace CoupleConnect.IntegrationTests.Positives;

/// <summary>
/// Positive notes and tonight's gratitude go through the encrypting converter: the raw <c>positives.note</c> column
/// holds only ciphertext, and the app gives back exactly what was typed (line breaks, right-to-left scripts, markup).
/// </summary>
public sealed class NotesAtRest(AppFixture app) : IClassFixture<AppFixture>
{
    private const string CiphertextPrefix = "enc:v3:";

    private const string PositiveNote = "You carried the shopping\nup four flights — שלום, <script>alert('hi')</script> & \"thanks\" مرحبا";
    private const string GratitudeNote = "Tonight: <b>patience</b> with my mother\r\nwhen everything was loud.";

    private readonly AppDriver _app = app.Driver;

    [Fact]
    public async Task APositivesNoteAndTonightsGratitudeAreStoredAsCiphertextAndReadBackExactly()
    {
        var couple = await _app.PairNewAsync();
        var positive = await _app.LogPositiveAsync(couple.Inviter, PositiveKind.Help, PositiveNote);
        var gratitude = await _app.WriteGratitudeAsync(couple.Partner, GratitudeNote);

        var rows = await _app.Positives().OfCoupleAsync(couple.CoupleId);

        AssertCiphertextOf(PositiveNote, Assert.Single(rows, row => row.Id == positive.Id).Note);
        AssertCiphertextOf(GratitudeNote, Assert.Single(rows, row => row.Id == gratitude.Id).Note);
        foreach (var row in rows)
        {
            AssertNothingReadable(PositiveNote, row.RowAsJson);
            AssertNothingReadable(GratitudeNote, row.RowAsJson);
        }

        foreach (var person in new[] { couple.Inviter, couple.Partner })
        {
            var latest = (await _app.DashboardAsync(person)).Latest;
            Assert.Equal([GratitudeNote, PositiveNote], latest.Select(entry => entry.Note));
        }
    }

    [Fact]
    public async Task TheSameNoteTwiceIsStoredDifferentlyAndNoNoteStaysEmpty()
    {
        var couple = await _app.PairNewAsync();
        await _app.LogPositiveAsync(couple.Inviter, PositiveKind.Affection, "Same words");
        await _app.LogPositiveAsync(couple.Partner, PositiveKind.Affection, "Same words");
        var without = await _app.LogPositiveAsync(couple.Partner, PositiveKind.Help);

        var rows = await _app.Positives().OfCoupleAsync(couple.CoupleId);

        var withNotes = rows.Where(row => row.Id != without.Id).ToList();
        Assert.Equal(2, withNotes.Count);
        Assert.All(withNotes, row => AssertCiphertextOf("Same words", row.Note));
        Assert.NotEqual(withNotes[0].Note, withNotes[1].Note); // a fresh nonce each time: equal notes can't be spotted in a dump
        Assert.Null(Assert.Single(rows, row => row.Id == without.Id).Note);
    }

    private static void AssertCiphertextOf(string plaintext, string? raw)
    {
        Assert.NotNull(raw);
        Assert.StartsWith(CiphertextPrefix, raw, StringComparison.Ordinal);
        AssertNothingReadable(plaintext, raw);
    }

    /// <summary>Neither the text nor any of its longer words appears in <paramref name="raw"/> (6+ letters: base64 can't spell those by chance).</summary>
    private static void AssertNothingReadable(string plaintext, string raw)
    {
        Assert.DoesNotContain(plaintext, raw, StringComparison.OrdinalIgnoreCase);
        var words = plaintext.Split([' ', '\n', '\r', ',', ':', '<', '>', '/', '(', ')', '\'', '"', '.', '—'], StringSplitOptions.RemoveEmptyEntries)
            .Where(word => word.Length >= 6 && word.All(char.IsLetter));
        foreach (var word in words)
        {
            Assert.False(raw.Contains(word, StringComparison.OrdinalIgnoreCase), $"The raw column contains \"{word}\" from the plaintext: {raw}");
        }
    }
}
