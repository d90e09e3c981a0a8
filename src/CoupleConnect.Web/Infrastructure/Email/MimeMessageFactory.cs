using Microsoft.Extensions.Options;
using MimeKit;

namespace CoupleConnect.Web.Infrastructure.Email;

public sealed class MimeMessageFactory(IOptions<EmailOptions> options, TimeProvider timeProvider)
{
    public MimeMessage Create(EmailMessage message)
    {
        var settings = options.Value;
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            Date = timeProvider.GetUtcNow(),
            Body = new BodyBuilder { HtmlBody = message.HtmlBody, TextBody = message.TextBody }.ToMessageBody(),
        };
        mime.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        mime.To.Add(new MailboxAddress(message.ToName ?? string.Empty, message.ToAddress));
        if (message.MessageId is not null)
        {
            mime.MessageId = message.MessageId;
        }

        foreach (var (name, value) in message.Headers)
        {
            mime.Headers.Add(name, value);
        }

        return mime;
    }
}
