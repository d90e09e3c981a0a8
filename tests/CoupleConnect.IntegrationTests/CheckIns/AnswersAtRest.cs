using CoupleConnect.Domain.CheckIns;
using CoupleConnect.IntegrationTests.Infrastructure;

namespace CoupleConnect.IntegrationTests.CheckIns;

/// <summary>
/// Answers, reflections and clarifications go through the encrypting converter: the raw columns hold only ciphertext,
/// and the service gives back exactly what was typed (line breaks, right-to-left scripts and markup kept verbatim).
/// </summary>
public sealed class AnswersAtRest(AppFixture app) : IClassFixture<AppFixture>
{
    private const string CiphertextPrefix = "enc:v3:";

    // Line breaks (both kinds), Hebrew and Arabic, markup and a script tag, quotes and an ampersand: all kept as typed.
    private const string AlexsAnswer = "When you brought me tea without asking.\nשלום, it felt like home — مرحبا\r\n<script>alert('hi')</script> & \"that\" was it";
    private const string SamsAnswer = "<b>Bold</b> of you to ask:\n\nthe walk by the canal. ❤️ עברית";
    private const string SamsReflection = "You felt at home\nwhen I made tea — <i>בית</i>";
    private const string AlexsClarification = "Closer: it was that you <script>noticed</script>\nמה שלומך";

    private readonly AppDriver _app = app.Driver;

    [Fact]
    public async Task AnAnswerIsStoredAsCiphertextAndReadsBackExactly()
    {
        var couple = await _app.PairNewAsync();
        var day = (await _app.AnswerTodayAsync(couple.Inviter, AlexsAnswer)).Day;

        var raw = await _app.CheckInTables.AnswerAsync(couple.CoupleId, day, couple.Inviter.Id);
        AssertCiphertextOf(AlexsAnswer, raw.Text);
        Assert.Null(raw.ReflectionText);
        Assert.Null(raw.Clarification);
        AssertNothingReadable(AlexsAnswer, raw.RowAsJson);
        await using var asAlex = _app.AsUser(couple.Inviter);
        Assert.Equal(AlexsAnswer, (await asAlex.CheckIns.GetDayAsync(day))?.MyAnswer);
    }

    [Fact]
    public async Task ReflectionsAndClarificationsAreEncryptedTooAndEveryTextRoundTrips()
    {
        var couple = await _app.PairNewAsync();
        var day = await _app.BothAnswerTodayAsync(couple, AlexsAnswer, SamsAnswer);
        await using (var asSam = _app.AsUser(couple.Partner))
        {
            var reflected = await asSam.CheckIns.ReflectAsync(day, SamsReflection);
            Assert.True(reflected.Succeeded, reflected.Error);
        }

        await using (var asAlex = _app.AsUser(couple.Inviter))
        {
            var responded = await asAlex.CheckIns.RespondToReflectionAsync(day, ReflectionVerdict.NotQuite, AlexsClarification);
            Assert.True(responded.Succeeded, responded.Error);
        }

        var alexsRow = await _app.CheckInTables.AnswerAsync(couple.CoupleId, day, couple.Inviter.Id);
        var samsRow = await _app.CheckInTables.AnswerAsync(couple.CoupleId, day, couple.Partner.Id);
        AssertCiphertextOf(AlexsAnswer, alexsRow.Text);
        AssertCiphertextOf(SamsAnswer, samsRow.Text);
        AssertCiphertextOf(SamsReflection, alexsRow.ReflectionText); // the reflection sits on the answer it reflects
        AssertCiphertextOf(AlexsClarification, alexsRow.Clarification);
        Assert.Equal(nameof(ReflectionVerdict.NotQuite), alexsRow.Verdict);
        foreach (var text in new[] { AlexsAnswer, SamsAnswer, SamsReflection, AlexsClarification })
        {
            AssertNothingReadable(text, alexsRow.RowAsJson);
            AssertNothingReadable(text, samsRow.RowAsJson);
        }

        await using (var asAlex = _app.AsUser(couple.Inviter))
        {
            var alexSees = await asAlex.CheckIns.GetDayAsync(day);
            Assert.NotNull(alexSees?.Revealed);
            Assert.Equal(AlexsAnswer, alexSees.MyAnswer);
            Assert.Equal(SamsAnswer, alexSees.Revealed.PartnerAnswer);
            Assert.Equal(SamsReflection, alexSees.Revealed.PartnersReflectionOnMe);
            Assert.Equal(AlexsClarification, alexSees.Revealed.MyClarification);
            var inHistory = Assert.Single((await asAlex.CheckIns.GetHistoryAsync(1))!.Days);
            Assert.Equal((AlexsAnswer, SamsAnswer), (inHistory.MyAnswer, inHistory.Revealed?.PartnerAnswer));
        }

        await using var asSamAgain = _app.AsUser(couple.Partner);
        var samSees = await asSamAgain.CheckIns.GetDayAsync(day);
        Assert.NotNull(samSees?.Revealed);
        Assert.Equal(SamsAnswer, samSees.MyAnswer);
        Assert.Equal(AlexsAnswer, samSees.Revealed.PartnerAnswer);
        Assert.Equal(SamsReflection, samSees.Revealed.MyReflectionOnPartner);
        Assert.Equal(ReflectionVerdict.NotQuite, samSees.Revealed.PartnersVerdictOnMyReflection);
        Assert.Equal(AlexsClarification, samSees.Revealed.PartnersClarification);
    }

    [Fact]
    public async Task TheSameAnswerTwiceIsStoredDifferently()
    {
        var couple = await _app.PairNewAsync();
        var day = await _app.BothAnswerTodayAsync(couple, "Same words", "Same words");

        var rows = await _app.CheckInTables.AnswersAsync(couple.CoupleId);

        Assert.Equal(2, rows.Count);
        Assert.All(rows, row => AssertCiphertextOf("Same words", row.Text));
        Assert.NotEqual(rows[0].Text, rows[1].Text); // a fresh nonce each time: equal answers can't be spotted in a dump
        Assert.All(rows, row => Assert.Equal(day, row.Day));
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
