namespace CoupleConnect.Web.Infrastructure.Email;

public static class EmailSetup
{
    public static WebApplicationBuilder AddEmail(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(EmailOptions.SectionName);
        builder.Services.AddOptions<EmailOptions>().Bind(section);
        builder.Services.AddSingleton<MimeMessageFactory>();
        builder.Services.AddSingleton<DevMailbox>();
        builder.Services.AddSingleton<SmtpMailSender>();

        var usesSmtp = section.Get<EmailOptions>()?.UsesSmtp ?? false;
        if (usesSmtp)
        {
            builder.Services.AddSingleton<IMailSender>(services => services.GetRequiredService<SmtpMailSender>());
            builder.Services.AddSingleton<IMailBatchSender>(services => services.GetRequiredService<SmtpMailSender>());
        }
        else if (builder.Environment.IsDevelopment())
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
