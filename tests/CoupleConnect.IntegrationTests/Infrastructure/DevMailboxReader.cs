using System.Text.RegularExpressions;
using MimeKit;

namespace CoupleConnect.IntegrationTests.Infrastructure;

/// <summary>Reads what the app's dev mailbox wrote: one .eml file per email.</summary>
public static partial class DevMailboxReader
{
    public static IReadOnlyList<MimeMessage> MessagesTo(string mailboxPath, string address)
    {
        if (!Directory.Exists(mailboxPath))
        {
            return [];
        }

        return Directory.EnumerateFiles(mailboxPath, "*.eml")
            .Order(StringComparer.Ordinal)
            .Select(path => MimeMessage.Load(path))
            .Where(message => message.To.Mailboxes.Any(to => string.Equals(to.Address, address, StringComparison.OrdinalIgnoreCase)))
            .ToList();
    }

    /// <summary>The confirmation link as the plain-text part gives it (the part every mail client shows).</summary>
    public static Uri ConfirmationLink(MimeMessage message)
    {
        var match = ConfirmLinkPattern().Match(message.TextBody ?? string.Empty);
        Assert.True(match.Success, "The email's text part has no /Account/ConfirmEmail link:\n" + message.TextBody);
        return new Uri(match.Value);
    }

    [GeneratedRegex(@"https?://[^\s""<>]+/Account/ConfirmEmail\?[^\s""<>]+")]
    private static partial Regex ConfirmLinkPattern();
}
