using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;

namespace CoupleConnect.Web.Infrastructure.Email;

/// <summary>One authenticated SMTP connection, kept open for a batch; classifies each reply for the sender's retry rules.</summary>
internal sealed class SmtpMailSession(SmtpClient client, MimeMessageFactory messageFactory) : IMailSession
{
    public async Task<MailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        try
        {
            await client.SendAsync(messageFactory.Create(message), cancellationToken);
            return MailSendResult.Delivered;
        }
        catch (SmtpCommandException refused) when ((int)refused.StatusCode >= 500)
        {
            var outcome = refused.ErrorCode == SmtpErrorCode.RecipientNotAccepted ? MailSendOutcome.RecipientRejected : MailSendOutcome.MessageRejected;
            return new MailSendResult(outcome, Describe(refused));
        }
        catch (SmtpCommandException refused)
        {
            return new MailSendResult(MailSendOutcome.TemporaryFailure, Describe(refused));
        }
        catch (Exception broken) when (broken is SmtpProtocolException or IOException or SocketException or ServiceNotConnectedException or TimeoutException)
        {
            return new MailSendResult(MailSendOutcome.ConnectionLost, broken.Message);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync(quit: true);
            }
        }
        catch (Exception exception) when (exception is SmtpProtocolException or IOException or SocketException)
        {
            // Everything was already sent or recorded; a failed QUIT changes nothing.
        }
        finally
        {
            client.Dispose();
        }
    }

    private static string Describe(SmtpCommandException refused) => $"{(int)refused.StatusCode} {refused.Message}";
}
