using CoupleConnect.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CoupleConnect.Web.Infrastructure.Data;

public static class DatabaseSetup
{
    public static string GetRequiredConnectionString(this IConfiguration configuration) =>
        configuration.GetConnectionString("DefaultConnection") is { Length: > 0 } connectionString
            ? connectionString
            : throw new InvalidOperationException(
                "ConnectionStrings:DefaultConnection is not set. ./run.sh sets it for you; otherwise see README, 'Configuration'.");

    public static WebApplicationBuilder AddDatabase(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<EncryptionOptions>().BindConfiguration(EncryptionOptions.SectionName);
        builder.Services.AddSingleton(services => FieldEncryptor.FromOptions(services.GetRequiredService<IOptions<EncryptionOptions>>().Value));

        var connectionString = builder.Configuration.GetRequiredConnectionString();

        // Plain Npgsql for what EF doesn't do (LISTEN/NOTIFY for live updates across instances).
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));

        // Blazor Server circuits live for hours: services create one short context per operation from the factory.
        // The factory also registers a scoped AppDbContext, which Identity's stores use per request.
        builder.Services.AddDbContextFactory<AppDbContext>(options => options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            // Services handle expected failures (a lost pairing race hits a unique index); an unhandled one is still
            // logged as an error by ASP.NET Core, so EF's own reports need not shout.
            .ConfigureWarnings(warnings => warnings.Log(
                (CoreEventId.SaveChangesFailed, LogLevel.Warning),
                (RelationalEventId.CommandError, LogLevel.Warning))));

        if (builder.Environment.IsDevelopment())
        {
            builder.Services.AddDatabaseDeveloperPageExceptionFilter();
        }

        return builder;
    }

    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        // On an empty database EF reads the history table before creating it and logs the missing table as a failed
        // command, which looks like an error on every first run (dotnet/efcore#37328): the table exists before it looks.
        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);

        // One line instead of EF's line per migration (its Migrations category logs at Warning, appsettings.json).
        var loggers = scope.ServiceProvider.GetRequiredService<ILoggerFactory>();
        if (pending.Count == 0)
        {
            loggers.CreateLogger(typeof(DatabaseSetup)).LogInformation("The database schema is up to date.");
        }
        else
        {
            loggers.CreateLogger(typeof(DatabaseSetup)).LogInformation(
                "Applied {Count} database migration(s), up to {Latest}.", pending.Count, pending[^1]);
        }

        // Secrets an older version kept in plaintext are encrypted now (docs/adr/0016), and text it encrypted without
        // binding it to its row is bound (docs/adr/0017).
        var encryptor = scope.ServiceProvider.GetRequiredService<FieldEncryptor>();
        var logger = loggers.CreateLogger(typeof(FieldCiphertextUpgrade));
        await db.EncryptPlaintextSecretsAsync(encryptor, cancellationToken);
        await db.BindFieldValuesToTheirRowsAsync(encryptor, logger, cancellationToken);
    }

    /// <summary>
    /// Every start: whether this installation's field text is already bound to its rows (the migrate step may have run
    /// in another process, ADR 0008), so older formats are refused from the first request (docs/adr/0017).
    /// </summary>
    public static async Task LearnWhetherFieldTextIsBoundAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = app.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand("SELECT EXISTS (SELECT 1 FROM field_text_upgrade)");
            if ((bool)(await command.ExecuteScalarAsync(cancellationToken))!)
            {
                app.Services.GetRequiredService<FieldEncryptor>().RefuseUnboundFieldText();
            }
        }
        catch (PostgresException missing) when (missing.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            // Not migrated yet: older formats stay readable until the migrate step has bound them.
        }
        catch (NpgsqlException unreachable)
        {
            // Not reachable now: the app still starts and /health/ready says so; the next start learns it.
            app.Logger.LogWarning(unreachable, "Could not learn at startup whether field text is bound to its rows: the database is not reachable.");
        }
    }
}
