using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace CoupleConnect.Web.Infrastructure.Email;

/// <summary>Sends through the SMTP server named in <see cref="EmailOptions.Smtp"/>.</summary>
public sealed class SmtpMailSender(IOptions<EmailOptions> options, MimeMessageFactory messageFactory, ILogger<SmtpMailSender> logger) : IMailSender, IMailBatchSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        using var client = await ConnectAsync(cancellationToken);
        await client.SendAsync(messageFactory.Create(message), cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        logger.LogInformation("Sent email '{Subject}' by SMTP", message.Subject);
    }

    public async Task<IMailSession> OpenAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return new SmtpMailSession(await ConnectAsync(cancellationToken), messageFactory);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new MailConnectionException($"Could not connect to the SMTP server {options.Value.Smtp.Host}:{options.Value.Smtp.Port}: {exception.Message}", exception);
        }
    }

    /// <summary>An authenticated connection; batch senders reuse one for many messages.</summary>
    public async Task<SmtpClient> ConnectAsync(CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        var host = smtp.Host ?? throw new InvalidOperationException("Email:Smtp:Host is not set.");
        var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        Socket? socket = null;
        try
        {
            socket = await ConnectSocketAsync(host, smtp.Port, TimeSpan.FromSeconds(smtp.TimeoutSeconds), cancellationToken);
            await client.ConnectAsync(socket, host, smtp.Port, ToSocketOptions(smtp.Security ?? SmtpSecurity.StartTls), cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken);
            }

            return client;
        }
        catch
        {
            client.Dispose();
            socket?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A TCP connection with Nagle's algorithm off. MailKit writes a message in several buffer-sized pieces; with Nagle
    /// on, each piece after the first waits for the server's delayed ACK (40 ms on Linux), which capped a reused
    /// connection at about 45 messages/s in bench/email.sh. The client owns the socket once connected.
    /// </summary>
    private static async Task<Socket> ConnectSocketAsync(string host, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(host, port, deadline.Token);
            return socket;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            throw new TimeoutException($"Connecting to {host}:{port} took longer than {timeout.TotalSeconds:0} s.");
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static SecureSocketOptions ToSocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
