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

    /// <summary>
    /// Unset: SSL on connect for port 465, otherwise STARTTLS, required (a server that does not offer it is refused);
    /// in Development, TLS only when the server offers it. See <see cref="Resolve"/>.
    /// </summary>
    public SmtpSecurity? Security { get; set; }

    /// <summary>
    /// Outside Development, None and Auto (which falls back to plain text when STARTTLS is not offered) are refused at
    /// start-up unless the operator opts in here, e.g. for a relay on the same host.
    /// </summary>
    public bool AllowUnencrypted { get; set; }

    public SmtpSecurity Resolve(bool isDevelopment) =>
        Security ?? (Port == 465 ? SmtpSecurity.SslOnConnect : isDevelopment ? SmtpSecurity.Auto : SmtpSecurity.StartTls);

    /// <summary>True when mail to this server could leave without TLS.</summary>
    public bool MayBeUnencrypted(bool isDevelopment) => Resolve(isDevelopment) is SmtpSecurity.None or SmtpSecurity.Auto;

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
