using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoupleConnect.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class WeeklyTemperature : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<TimeOnly>(
                name: "weekly_temperature_at",
                table: "reminder_preferences",
                type: "time without time zone",
                nullable: false,
                defaultValue: new TimeOnly(19, 0, 0));

            migrationBuilder.AddColumn<int>(
                name: "weekly_temperature_day",
                table: "reminder_preferences",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "weekly_temperature_on",
                table: "reminder_preferences",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.CreateTable(
                name: "temperature_answers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    couple_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_id = table.Column<string>(type: "text", nullable: false),
                    week_of = table.Column<DateOnly>(type: "date", nullable: false),
                    connected = table.Column<int>(type: "integer", nullable: false),
                    gain = table.Column<string>(type: "text", nullable: false),
                    wish = table.Column<string>(type: "text", nullable: false),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    visible_to_partner_from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_temperature_answers", x => x.id);
                    table.ForeignKey(
                        name: "fk_temperature_answers_asp_net_users_author_id",
                        column: x => x.author_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_temperature_answers_couples_couple_id",
                        column: x => x.couple_id,
                        principalTable: "couples",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_temperature_answers_author_id",
                table: "temperature_answers",
                column: "author_id");

            migrationBuilder.CreateIndex(
                name: "ix_temperature_answers_couple_id_week_of_author_id",
                table: "temperature_answers",
                columns: new[] { "couple_id", "week_of", "author_id" },
                unique: true);

            // Existing accounts get the new reminder (on by default) at the default Sunday 19:00 in their own zone, as a
            // new account would; a zone PostgreSQL does not know gets its row when the person next saves their reminders.
            migrationBuilder.Sql("""
                INSERT INTO reminder_schedules (user_id, kind, next_due_utc)
                SELECT u.id, 'WeeklyTemperature',
                       CASE WHEN sunday.due > now() THEN sunday.due ELSE sunday.due + interval '7 days' END
                FROM "AspNetUsers" u
                JOIN reminder_preferences p ON p.user_id = u.id AND p.weekly_temperature_on
                CROSS JOIN LATERAL (
                    SELECT (date_trunc('week', now() AT TIME ZONE u.time_zone_id) + interval '6 days 19 hours') AT TIME ZONE u.time_zone_id AS due
                ) sunday
                WHERE u.time_zone_id IN (SELECT name FROM pg_timezone_names)
                  AND NOT EXISTS (SELECT 1 FROM reminder_schedules s WHERE s.user_id = u.id AND s.kind = 'WeeklyTemperature')
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DELETE FROM reminder_schedules WHERE kind = 'WeeklyTemperature'");

            migrationBuilder.DropTable(
                name: "temperature_answers");

            migrationBuilder.DropColumn(
                name: "weekly_temperature_at",
                table: "reminder_preferences");

            migrationBuilder.DropColumn(
                name: "weekly_temperature_day",
                table: "reminder_preferences");

            migrationBuilder.DropColumn(
                name: "weekly_temperature_on",
                table: "reminder_preferences");
        }
    }
}
