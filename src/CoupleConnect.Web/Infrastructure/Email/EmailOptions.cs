namespace CoupleConnect.Web.Infrastructure.Email;

public sealed class EmailOptions
{
    public const string SectionName = "Email";

    public SmtpOptions Smtp { get; set; } = new();

    public string FromAddress { get; set; } = "hello@coupleconnect.local";

    public string FromName { get; set; } = "CoupleConnect";

    /// <summary>Development only: where the dev mailbox writes one .eml file per message when no SMTP host is set.</summary>
    public string DevMailboxPath { get; set; } = Path.Combine(".local", "mail");

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public int TimeoutSeconds { get; set; } = 30;
}

public enum SmtpSecurity
{
    Auto,
    None,
    StartTls,
    SslOnConnect,
}
