using CoupleConnect.Web.Infrastructure.Email;
using MailKit.Net.Smtp;

namespace CoupleConnect.Bench.Email;

/// <summary>
/// The naive way: a "session" that opens a new SMTP connection for every message (connect, EHLO, [STARTTLS, EHLO],
/// AUTH, MAIL, RCPT, DATA, QUIT) through the app's own <see cref="SmtpMailSender.SendAsync"/>, the path account emails take.
/// </summary>
public sealed class ConnectPerMessageSender(SmtpMailSender smtp) : IMailBatchSender
{
    public Task<IMailSession> OpenAsync(CancellationToken cancellationToken = default) => Task.FromResult<IMailSession>(new Session(smtp));

    private sealed class Session(SmtpMailSender smtp) : IMailSession
    {
        public async Task<MailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
        {
            try
            {
                await smtp.SendAsync(message, cancellationToken);
                return MailSendResult.Delivered;
            }
            catch (SmtpCommandException refused)
            {
                return new MailSendResult(MailSendOutcome.TemporaryFailure, refused.Message);
            }
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
