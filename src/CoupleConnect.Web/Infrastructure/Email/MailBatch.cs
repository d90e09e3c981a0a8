namespace CoupleConnect.Web.Infrastructure.Email;

/// <summary>Sends many messages over one connection (one reused SMTP connection per batch; ADR 0011).</summary>
public interface IMailBatchSender
{
    /// <summary>Connects; throws <see cref="MailConnectionException"/> when the server can't be reached.</summary>
    Task<IMailSession> OpenAsync(CancellationToken cancellationToken = default);
}

public interface IMailSession : IAsyncDisposable
{
    Task<MailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}

public enum MailSendOutcome
{
    Delivered,

    /// <summary>Try again later (a 4xx reply): the message and the address may well be fine.</summary>
    TemporaryFailure,

    /// <summary>The server refused the address for good (5xx on RCPT): a bounce.</summary>
    RecipientRejected,

    /// <summary>The server refused this message for good (5xx on DATA).</summary>
    MessageRejected,

    /// <summary>The connection broke: this message and the rest of the batch wait for the next run.</summary>
    ConnectionLost,
}

public sealed record MailSendResult(MailSendOutcome Outcome, string? Error = null)
{
    public static MailSendResult Delivered { get; } = new(MailSendOutcome.Delivered);
}

public sealed class MailConnectionException(string message, Exception innerException) : Exception(message, innerException);
