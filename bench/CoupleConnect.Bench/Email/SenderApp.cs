using System.Globalization;
using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Features.CheckIns;
using CoupleConnect.Web.Features.Reminders;
using CoupleConnect.Web.Infrastructure;
using CoupleConnect.Web.Infrastructure.Data;
using CoupleConnect.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoupleConnect.Bench.Email;

/// <summary>
/// The app's reminder sender wired as Program.cs wires it (AddDatabase, AddEmail with SMTP, AddReminders; the daily question
/// store; Data Protection for the unsubscribe tokens, here with keys in memory), pointed at the sink. With
/// <c>connectPerMessage</c>, the same sender sends through <see cref="ConnectPerMessageSender"/>: the naive way.
/// </summary>
public sealed class SenderApp : IAsyncDisposable
{
    public const string MailDomain = "coupleconnect.bench";

    private readonly ServiceProvider _services;

    private SenderApp(ServiceProvider services)
    {
        _services = services;
        Sender = services.GetRequiredService<ReminderSender>();
    }

    public ReminderSender Sender { get; }

    public static SenderApp Create(string connectionString, SmtpSink sink, SmtpSecurity security, bool connectPerMessage)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(SmtpSettings(sink, security).Concat(new Dictionary<string, string?>
        {
            ["ConnectionStrings:DefaultConnection"] = connectionString,
            ["CoupleConnect:Encryption:CurrentKeyId"] = BenchDatabase.EncryptionKeyId,
            [$"CoupleConnect:Encryption:Keys:{BenchDatabase.EncryptionKeyId}"] = BenchDatabase.EncryptionKey,
            ["CoupleConnect:PublicUrl"] = $"https://{MailDomain}/",
            ["Email:FromAddress"] = "hello@" + MailDomain,
        }));
        builder.Services.AddLogging();
        builder.Services.Configure<IdentityOptions>(identity => identity.Stores.SchemaVersion = AccountsSetup.IdentitySchemaVersion);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IServer, NoServer>();
        builder.Services.AddDataProtection();
        builder.Services.AddSingleton<DailyQuestionStore>();
        builder.AddDatabase();
        builder.AddEmail();
        builder.AddPublicUrl();
        builder.AddReminders();
        if (connectPerMessage)
        {
            builder.Services.AddSingleton<IMailBatchSender, ConnectPerMessageSender>();
        }

        return new SenderApp(builder.Services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }));
    }

    /// <summary>The Email section as an operator writes it for a submission server: host, port, security, account.</summary>
    public static Dictionary<string, string?> SmtpSettings(SmtpSink sink, SmtpSecurity security) => new()
    {
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = sink.Port.ToString(CultureInfo.InvariantCulture),
        ["Email:Smtp:Security"] = security.ToString(),
        ["Email:Smtp:AllowUnencrypted"] = "true", // the benchmark's own sink on loopback, measured with and without TLS
        ["Email:Smtp:UserName"] = SmtpSink.UserName,
        ["Email:Smtp:Password"] = SmtpSink.Password,
        ["Email:Smtp:TimeoutSeconds"] = "30",
    };

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    /// <summary>AppLinks asks the server for its address only when no public URL is configured; here one always is.</summary>
    private sealed class NoServer : IServer
    {
        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
            where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }
}
