using CoupleConnect.Tests.Shared;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CoupleConnect.IntegrationTests.Reminders;

/// <summary>
/// Accounts from before every account had its reminder preferences row get one when the database is migrated, with
/// the defaults a new account gets; a row someone already saved is left as it was.
/// </summary>
public sealed class BackfillingReminderPreferences
{
    private const string TheMigration = "ReminderPreferencesRowForEveryAccount";

    [Fact]
    public async Task MigratingGivesAnOlderAccountWithoutARowTheDefaultsAndKeepsASavedRow()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var factory = new CoupleConnectAppFactory(database.ConnectionString, new Dictionary<string, string?>
        {
            ["CoupleConnect:ApplyMigrationsAtStartup"] = "false",
        });
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var migrations = db.Database.GetMigrations().ToList();
        var before = migrations[migrations.FindIndex(migration => migration.EndsWith("_" + TheMigration, StringComparison.Ordinal)) - 1];
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(before);

        // The schema as it was before that migration, so under the tables' names of the time (ADR 0026).
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, """
            INSERT INTO "AspNetUsers" (id, user_name, normalized_user_name, email, normalized_email, email_confirmed, security_stamp,
                                       concurrency_stamp, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count,
                                       display_name, time_zone_id, created_at)
            SELECT p.id, p.id || '@example.test', upper(p.id || '@example.test'), p.id || '@example.test', upper(p.id || '@example.test'),
                   TRUE, md5(p.id), md5(p.id || 'c'), FALSE, FALSE, TRUE, 0, 'Older', 'Europe/Berlin', now()
            FROM unnest(ARRAY['never-saved', 'saved-once']) AS p(id);
            INSERT INTO nudge_preferences (user_id, question_nudge_on, question_nudge_at, gratitude_nudge_on, gratitude_nudge_at, partner_activity_on, weekly_summary_on, share_highlight_text)
            VALUES ('saved-once', FALSE, '07:15', FALSE, '22:30', FALSE, TRUE, TRUE);
            """);

        await migrator.MigrateAsync();

        var rows = await db.ReminderPreferences.AsNoTracking().OrderBy(preferences => preferences.UserId).ToListAsync();
        Assert.Equal(
            [
                ("never-saved", true, new TimeOnly(8, 0), true, new TimeOnly(21, 0), true, false, false),
                ("saved-once", false, new TimeOnly(7, 15), false, new TimeOnly(22, 30), false, true, true),
            ],
            rows.Select(saved => (saved.UserId, saved.QuestionReminderOn, saved.QuestionReminderAt, saved.GratitudeReminderOn, saved.GratitudeReminderAt, saved.PartnerActivityOn, saved.WeeklySummaryOn, saved.ShareHighlightText)));
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
