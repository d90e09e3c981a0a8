namespace CoupleConnect.Web.Infrastructure.Email;

/// <summary>One email, always with both an HTML and a plain-text body.</summary>
public sealed record EmailMessage(string ToAddress, string? ToName, string Subject, string HtmlBody, string TextBody)
{
    /// <summary>Extra headers, e.g. List-Unsubscribe for reminders.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Stable id (without angle brackets) so a retried send is recognisable as the same message.</summary>
    public string? MessageId { get; init; }
}

public interface IMailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}
