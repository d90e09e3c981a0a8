namespace CoupleConnect.Web.Infrastructure.Email;

public static class EmailSetup
{
    public static WebApplicationBuilder AddEmail(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(EmailOptions.SectionName);
        var isDevelopment = builder.Environment.IsDevelopment();
        builder.Services.AddOptions<EmailOptions>().Bind(section)
            .PostConfigure(email => email.Smtp.Security = email.Smtp.Resolve(isDevelopment));
        builder.Services.AddSingleton<MimeMessageFactory>();
        builder.Services.AddSingleton<DevMailbox>();
        builder.Services.AddSingleton<SmtpMailSender>();

        var configured = section.Get<EmailOptions>() ?? new EmailOptions();
        if (configured.UsesSmtp)
        {
            if (!isDevelopment && configured.Smtp.MayBeUnencrypted(isDevelopment) && !configured.Smtp.AllowUnencrypted)
            {
                throw new InvalidOperationException(
                    $"Email:Smtp:Security is {configured.Smtp.Resolve(isDevelopment)}, so reminders and sign-in links could travel unencrypted. " +
                    "Outside Development CoupleConnect sends mail only over TLS: use StartTls or SslOnConnect (or leave it unset), or set " +
                    "Email:Smtp:AllowUnencrypted=true to opt in for a relay you trust, such as one on the same host; see README, 'Configuration'.");
            }

            builder.Services.AddSingleton<IMailSender>(services => services.GetRequiredService<SmtpMailSender>());
            builder.Services.AddSingleton<IMailBatchSender>(services => services.GetRequiredService<SmtpMailSender>());
        }
        else if (isDevelopment)
        {
            builder.Services.AddSingleton<IMailSender>(services => services.GetRequiredService<DevMailbox>());
            builder.Services.AddSingleton<IMailBatchSender>(services => services.GetRequiredService<DevMailbox>());
        }
        else
        {
            throw new InvalidOperationException(
                "Email:Smtp:Host is not set. Outside Development CoupleConnect needs an SMTP server to send confirmations and reminders; see README, 'Configuration'.");
        }

        return builder;
    }
}
