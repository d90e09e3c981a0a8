using System.Text.RegularExpressions;
using CoupleConnect.Domain.Couples;

namespace CoupleConnect.Domain.Tests.Couples;

public partial class GeneratingInviteSecrets
{
    [Fact]
    public void TheTokenIs43Base64UrlCharactersCarrying32RandomBytes()
    {
        var token = InviteSecret.Generate(Pairing.CodeKey).Token;

        Assert.Equal(43, token.Length);
        Assert.Matches(Base64Url(), token);
        var bytes = Convert.FromBase64String(token.Replace('-', '+').Replace('_', '/') + "=");
        Assert.Equal(32, bytes.Length); // 256 bits, well over the 128 needed
    }

    [Fact]
    public void TheCodeIsEightCharactersFromTheCodeAlphabet()
    {
        var code = InviteSecret.Generate(Pairing.CodeKey).Code;

        Assert.Equal(8, code.Length);
        Assert.Equal(8, InviteSecret.CodeLength);
        Assert.All(code, c => Assert.Contains(c, InviteSecret.CodeAlphabet));
    }

    [Theory]
    [InlineData('0')]
    [InlineData('O')]
    [InlineData('1')]
    [InlineData('I')]
    [InlineData('L')]
    [InlineData('o')]
    [InlineData('i')]
    [InlineData('l')]
    public void TheCodeAlphabetHasNoLookAlikes(char lookAlike)
    {
        Assert.DoesNotContain(lookAlike, InviteSecret.CodeAlphabet);
    }

    [Fact]
    public void TheCodeAlphabetHasNoRepeatedCharacters()
    {
        Assert.Equal(InviteSecret.CodeAlphabet.Length, InviteSecret.CodeAlphabet.Distinct().Count());
        Assert.Equal(31, InviteSecret.CodeAlphabet.Length);
    }

    [Fact]
    public void AThousandGenerationsGiveAThousandDistinctSecrets()
    {
        var secrets = Enumerable.Range(0, 1000).Select(_ => InviteSecret.Generate(Pairing.CodeKey)).ToList();

        Assert.Equal(1000, secrets.Select(secret => secret.Token).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(1000, secrets.Select(secret => secret.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(1000, secrets.Select(secret => secret.TokenHash).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(1000, secrets.Select(secret => secret.CodeHash).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void AThousandGenerationsStayInsideTheirAlphabetsAndUseAllOfTheCodeAlphabet()
    {
        var secrets = Enumerable.Range(0, 1000).Select(_ => InviteSecret.Generate(Pairing.CodeKey)).ToList();

        Assert.All(secrets, secret => Assert.True(InviteSecret.LooksLikeToken(secret.Token), secret.Token));
        Assert.All(secrets, secret => Assert.True(InviteSecret.TryNormalizeCode(secret.Code, out _, out _), secret.Code));
        // 8,000 characters drawn from 31: every one of them turns up unless the generator is skewed.
        var used = secrets.SelectMany(secret => secret.Code).ToHashSet();
        Assert.Equal(InviteSecret.CodeAlphabet.OrderBy(c => c), used.OrderBy(c => c));
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{43}$")]
    private static partial Regex Base64Url();
}

public partial class HashingInviteSecrets
{
    [Fact]
    public void HashesAre64LowercaseHexCharacters()
    {
        var secret = InviteSecret.Generate(Pairing.CodeKey);

        Assert.Matches(LowerHex(), secret.TokenHash);
        Assert.Matches(LowerHex(), secret.CodeHash);
    }

    [Fact]
    public void TheSecretsHashesAreTheHashesOfItsTokenAndCode()
    {
        var secret = InviteSecret.Generate(Pairing.CodeKey);

        Assert.Equal(InviteSecret.HashToken(secret.Token), secret.TokenHash);
        Assert.Equal(InviteSecret.HashCode(secret.Code, Pairing.CodeKey), secret.CodeHash);
    }

    [Fact]
    public void HashesAreStableAcrossCallsAndReleases()
    {
        // Stored hashes must keep finding their invites: SHA-256 of "token:abc", HMAC-SHA256 of "code:ABCDEFGH" with the test key.
        Assert.Equal("fdf0a89c4b86c3e62a6244188d8540832634339f17ce7351041e37be68e737c5", InviteSecret.HashToken("abc"));
        Assert.Equal("6226767c094c516bc23cbc185024dd715b6fc0b399d4da0ce267627beee56bbe", InviteSecret.HashCode("ABCDEFGH", Pairing.CodeKey));
        Assert.Equal(InviteSecret.HashToken("abc"), InviteSecret.HashToken("abc"));
    }

    [Fact]
    public void TokenAndCodeHashesDifferEvenForTheSameText()
    {
        var secret = InviteSecret.Generate(Pairing.CodeKey);

        Assert.NotEqual(InviteSecret.HashToken("ABCDEFGH"), InviteSecret.HashCode("ABCDEFGH", Pairing.CodeKey));
        Assert.NotEqual(secret.TokenHash, secret.CodeHash);
    }

    [Fact]
    public void DifferentSecretsHashDifferently()
    {
        Assert.NotEqual(InviteSecret.HashCode("ABCDEFGH", Pairing.CodeKey), InviteSecret.HashCode("ABCDEFGJ", Pairing.CodeKey));
        Assert.NotEqual(InviteSecret.HashToken("abc"), InviteSecret.HashToken("abd"));
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex LowerHex();
}

public class NormalizingTypedCodes
{
    [Theory]
    [InlineData("ABCDEFGH")]
    [InlineData("abcdefgh")]
    [InlineData("abcd efgh")]
    [InlineData("ABCD-EFGH")]
    [InlineData("ab cd-ef gh")]
    [InlineData("  abcd efgh  ")]
    [InlineData("ABCD\tEFGH")]
    [InlineData("a-b-c-d-e-f-g-h")]
    [InlineData("AbCd EfGh")]
    public void AcceptsAnyCaseWithSpacesOrDashes(string typed)
    {
        Assert.True(InviteSecret.TryNormalizeCode(typed, out var code, out var problem), problem);

        Assert.Null(problem);
        Assert.Equal("ABCDEFGH", code);
    }

    [Fact]
    public void AcceptsEveryCharacterOfTheAlphabet()
    {
        Assert.True(InviteSecret.TryNormalizeCode("23456789", out var digits, out _));
        Assert.True(InviteSecret.TryNormalizeCode("jkmn-pqrs", out var letters, out _));
        Assert.True(InviteSecret.TryNormalizeCode("tuvw xyza", out var more, out _));

        Assert.Equal("23456789", digits);
        Assert.Equal("JKMNPQRS", letters);
        Assert.Equal("TUVWXYZA", more);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" - - ")]
    public void RefusesAnEmptyCode(string? typed)
    {
        Assert.False(InviteSecret.TryNormalizeCode(typed, out _, out var problem));

        Assert.Equal("Please enter the 8-character code from your partner.", problem);
    }

    [Theory]
    [InlineData("ABCDEFG", 7)]
    [InlineData("ABCD EFG", 7)]
    [InlineData("ABCDEFGHJ", 9)]
    [InlineData("abcd-efgh-j", 9)]
    [InlineData("A", 1)]
    public void RefusesTheWrongLengthAndSaysHowLong(string typed, int length)
    {
        Assert.False(InviteSecret.TryNormalizeCode(typed, out _, out var problem));

        Assert.Equal($"An invite code has 8 characters; this one has {length}.", problem);
    }

    [Theory]
    [InlineData("ABCDEFG0")]
    [InlineData("ABCDEFGO")]
    [InlineData("abcdefgo")]
    [InlineData("ABCDEFG1")]
    [InlineData("ABCDEFGI")]
    [InlineData("abcdefgi")]
    [InlineData("ABCDEFGL")]
    [InlineData("abcdefgl")]
    [InlineData("ABCD_EFG")]
    [InlineData("ABCDÉFGH")]
    [InlineData("ABCD.EFG")]
    public void RefusesCharactersOutsideTheAlphabet(string typed)
    {
        Assert.False(InviteSecret.TryNormalizeCode(typed, out _, out var problem));

        Assert.Equal("Invite codes use the letters A–Z and digits 2–9 only (no O, I, L, 0 or 1). Check for a typo.", problem);
    }
}

public class FormattingCodes
{
    [Fact]
    public void SplitsACodeIntoTwoGroupsOfFour()
    {
        Assert.Equal("ABCD EFGH", InviteSecret.FormatCode("ABCDEFGH"));
    }

    [Fact]
    public void AFormattedCodeNormalizesBackToTheCode()
    {
        var code = InviteSecret.Generate(Pairing.CodeKey).Code;

        Assert.True(InviteSecret.TryNormalizeCode(InviteSecret.FormatCode(code), out var normalized, out _));
        Assert.Equal(code, normalized);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ABC")]
    [InlineData("ABCDEFGHJ")]
    public void LeavesAnythingThatIsNotACodeLengthAlone(string notACode)
    {
        Assert.Equal(notACode, InviteSecret.FormatCode(notACode));
    }
}

public class RecognisingTokens
{
    [Fact]
    public void AcceptsAGeneratedToken()
    {
        Assert.True(InviteSecret.LooksLikeToken(InviteSecret.Generate(Pairing.CodeKey).Token));
    }

    [Fact]
    public void AcceptsAny43Base64UrlCharacters()
    {
        Assert.True(InviteSecret.LooksLikeToken(new string('A', 43)));
        Assert.True(InviteSecret.LooksLikeToken("-_" + new string('z', 40) + "9"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(42)]
    [InlineData(44)]
    public void RefusesNullAndTheWrongLength(object? value)
    {
        var token = value is int length ? new string('A', length) : (string?)value;

        Assert.False(InviteSecret.LooksLikeToken(token));
    }

    [Theory]
    [InlineData('/')]
    [InlineData('+')]
    [InlineData('=')]
    [InlineData('.')]
    [InlineData(' ')]
    [InlineData('%')]
    [InlineData('é')]
    [InlineData('٣')] // an Arabic-Indic digit: a digit, but not an ASCII one
    public void RefusesCharactersOutsideBase64Url(char odd)
    {
        var token = new string('A', 21) + odd + new string('A', 21);
        Assert.Equal(43, token.Length);

        Assert.False(InviteSecret.LooksLikeToken(token));
    }

    [Fact]
    public void RefusesAGeneratedTokenWithItsPaddingPutBack()
    {
        Assert.False(InviteSecret.LooksLikeToken(InviteSecret.Generate(Pairing.CodeKey).Token + "="));
    }

    [Fact]
    public void CodeHashesDependOnTheServerKeySoALeakedTableAloneCantBeBruteForced()
    {
        var otherKey = Enumerable.Repeat((byte)7, 32).ToArray();

        Assert.NotEqual(InviteSecret.HashCode("ABCDEFGH", Pairing.CodeKey), InviteSecret.HashCode("ABCDEFGH", otherKey));
    }

    [Fact]
    public void PrintingASecretRevealsNeitherTokenNorCode()
    {
        var secret = InviteSecret.Generate(Pairing.CodeKey);

        var printed = secret.ToString();

        Assert.DoesNotContain(secret.Token, printed, StringComparison.Ordinal);
        Assert.DoesNotContain(secret.Code, printed, StringComparison.Ordinal);
    }
}
