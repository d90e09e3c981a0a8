using Microsoft.Extensions.Options;
using MimeKit;

namespace CoupleConnect.Web.Infrastructure.Email;

/// <summary>
/// Development without an SMTP server: every message becomes one .eml file, listed at /dev/mailbox,
/// so a newcomer can confirm an account with no mail set-up.
/// </summary>
public sealed class DevMailbox(IOptions<EmailOptions> options, MimeMessageFactory messageFactory, TimeProvider timeProvider, ILogger<DevMailbox> logger) : IMailSender, IMailBatchSender
{
    private string Folder => Path.GetFullPath(options.Value.DevMailboxPath);

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Folder);
        var id = $"{timeProvider.GetUtcNow():yyyyMMdd-HHmmss-fff}-{Guid.NewGuid():N}";
        var path = Path.Combine(Folder, id + ".eml");
        await messageFactory.Create(message).WriteToAsync(path, cancellationToken);
        logger.LogInformation("Dev mailbox: wrote '{Subject}' to {Path}", message.Subject, path);
    }

    public Task<IMailSession> OpenAsync(CancellationToken cancellationToken = default) => Task.FromResult<IMailSession>(new FolderSession(this));

    public IReadOnlyList<DevMailboxEntry> List(int max = 200)
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        return Directory.EnumerateFiles(Folder, "*.eml")
            .OrderByDescending(Path.GetFileName, StringComparer.Ordinal)
            .Take(max)
            .Select(path => ToEntry(Path.GetFileNameWithoutExtension(path), MimeMessage.Load(path)))
            .ToList();
    }

    public DevMailboxEntry? Find(string id)
    {
        // Ids come from the URL: only accept the shape we write, so no path can escape the folder.
        if (id.Length > 80 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            return null;
        }

        var path = Path.Combine(Folder, id + ".eml");
        return File.Exists(path) ? ToEntry(id, MimeMessage.Load(path)) : null;
    }

    private sealed class FolderSession(DevMailbox mailbox) : IMailSession
    {
        public async Task<MailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
        {
            await mailbox.SendAsync(message, cancellationToken);
            return MailSendResult.Delivered;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private static DevMailboxEntry ToEntry(string id, MimeMessage message) => new(
        id,
        message.Subject ?? "(no subject)",
        string.Join(", ", message.To.Mailboxes.Select(mailbox => mailbox.Address)),
        message.Date,
        message.TextBody ?? string.Empty,
        message.HtmlBody ?? string.Empty);
}

public sealed record DevMailboxEntry(string Id, string Subject, string To, DateTimeOffset Date, string TextBody, string HtmlBody)
{
    /// <summary>The links in the message, so the page can offer them as plain working anchors.</summary>
    public IReadOnlyList<string> Links => LinkFinder.FindLinks(TextBody);
}
