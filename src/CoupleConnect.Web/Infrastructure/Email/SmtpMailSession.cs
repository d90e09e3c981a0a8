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
            var outcome = IsBadMailbox(refused) ? MailSendOutcome.RecipientRejected : MailSendOutcome.MessageRejected;
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

    /// <summary>
    /// Only a refusal of the mailbox itself is a bounce (5.1.x, or 550/551/553 without an enhanced code). A policy or
    /// configuration refusal such as "550 5.7.1 Relaying denied" is our problem, not the person's address.
    /// </summary>
    private static bool IsBadMailbox(SmtpCommandException refused)
    {
        if (refused.ErrorCode != SmtpErrorCode.RecipientNotAccepted)
        {
            return false;
        }

        var text = refused.Message.TrimStart();
        var hasEnhancedCode = text.Length >= 5 && text[0] is '4' or '5' && text[1] == '.';
        return hasEnhancedCode
            ? text.StartsWith("5.1.", StringComparison.Ordinal)
            : (int)refused.StatusCode is 550 or 551 or 553;
    }

    private static string Describe(SmtpCommandException refused) => $"{(int)refused.StatusCode} {refused.Message}";
}
