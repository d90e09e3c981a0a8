using System.Globalization;
using MimeKit;

namespace CoupleConnect.E2E.Tests.Infrastructure;

/// <summary>An email the app wrote to its dev mailbox folder; <see cref="Id"/> is its name at /dev/mailbox/{id}.</summary>
public sealed record CapturedEmail(string Id, MimeMessage Message, DateTimeOffset WrittenAt)
{
    /// <summary>The paragraphs of the plain-text part, as the email's layout separates them (by an empty line).</summary>
    public IReadOnlyList<string> TextParagraphs =>
        (Message.TextBody ?? string.Empty).ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>
/// The dev mailbox as the test reads it: the folder where the app (in Development, with no SMTP host) writes one .eml
/// file per email, named after the UTC instant it was written ("yyyyMMdd-HHmmss-fff-{guid}").
/// </summary>
public static class DevMailboxFolder
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>The complete emails to <paramref name="address"/> with this subject, oldest first.</summary>
    public static IReadOnlyList<CapturedEmail> Messages(string folder, string address, string subject)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var found = new List<CapturedEmail>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.eml").Order(StringComparer.Ordinal))
        {
            MimeMessage message;
            try
            {
                message = MimeMessage.Load(path);
            }
            catch (Exception exception) when (exception is IOException or FormatException)
            {
                continue; // still being written: the next look sees it whole
            }

            if (message.Subject == subject && message.To.Mailboxes.Any(to => string.Equals(to.Address, address, StringComparison.OrdinalIgnoreCase)))
            {
                var id = Path.GetFileNameWithoutExtension(path);
                found.Add(new CapturedEmail(id, message, WrittenAt(id)));
            }
        }

        return found;
    }

    /// <summary>
    /// Looks every half second until an email to <paramref name="address"/> with this subject is there (and written to
    /// the end), or fails once <paramref name="deadline"/> has passed.
    /// </summary>
    public static async Task<CapturedEmail> WaitForAsync(string folder, string address, string subject, DateTimeOffset deadline)
    {
        long? sizeSeen = null;
        while (true)
        {
            if (Messages(folder, address, subject) is [var first, ..])
            {
                // MimeKit writes the file in pieces: take it once its size holds still between two looks.
                var size = new FileInfo(Path.Combine(folder, first.Id + ".eml")).Length;
                if (size == sizeSeen)
                {
                    return first;
                }

                sizeSeen = size;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException(
                    $"No email \"{subject}\" to {address} reached the dev mailbox ({folder}) by {deadline:HH:mm:ss} UTC.");
            }

            await Task.Delay(PollInterval);
        }
    }

    private static DateTimeOffset WrittenAt(string id) =>
        DateTimeOffset.ParseExact(id[..19], "yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
