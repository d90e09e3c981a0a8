using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoupleConnect.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReminderPreferencesRowForEveryAccount : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<bool>(
                name: "weekly_summary_on",
                table: "nudge_preferences",
                type: "boolean",
                nullable: false,
                defaultValue: false,
                oldClrType: typeof(bool),
                oldType: "boolean");

            migrationBuilder.AlterColumn<bool>(
                name: "share_highlight_text",
                table: "nudge_preferences",
                type: "boolean",
                nullable: false,
                defaultValue: false,
                oldClrType: typeof(bool),
                oldType: "boolean");

            migrationBuilder.AlterColumn<bool>(
                name: "question_nudge_on",
                table: "nudge_preferences",
                type: "boolean",
                nullable: false,
                defaultValue: true,
                oldClrType: typeof(bool),
                oldType: "boolean");

            migrationBuilder.AlterColumn<TimeOnly>(
                name: "question_nudge_at",
                table: "nudge_preferences",
                type: "time without time zone",
                nullable: false,
                defaultValue: new TimeOnly(8, 0, 0),
                oldClrType: typeof(TimeOnly),
                oldType: "time without time zone");

            migrationBuilder.AlterColumn<bool>(
                name: "partner_activity_on",
                table: "nudge_preferences",
                type: "boolean",
                nullable: false,
                defaultValue: true,
                oldClrType: typeof(bool),
                oldType: "boolean");

            migrationBuilder.AlterColumn<bool>(
                name: "gratitude_nudge_on",
                table: "nudge_preferences",
                type: "boolean",
                nullable: false,
                defaultValue: true,
                oldClrType: typeof(bool),
                oldType: "boolean");

            migrationBuilder.AlterColumn<TimeOnly>(
                name: "gratitude_nudge_at",
                table: "nudge_preferences",
                type: "time without time zone",
                nullable: false,
                defaultValue: new TimeOnly(21, 0, 0),
                oldClrType: typeof(TimeOnly),
                oldType: "time without time zone");

            // Accounts from before this change may have no row (a missing row used to mean "the defaults"): give them
            // one now, with the column defaults above, so every reader can rely on it.
            migrationBuilder.Sql("""
                INSERT INTO nudge_preferences (user_id)
                SELECT u.id FROM "AspNetUsers" u
                WHERE NOT EXISTS (SELECT 1 FROM nudge_preferences p WHERE p.user_id = u.id);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<bool>(
                name: "weekly_summary_on",
                table: "nudge_preferences",
                type: "boolean",
                nullable: false,
                oldClrType: typeof(bool),
                oldType: "boolean",
                oldDefaultValue: false);

            migrationBuilder.AlterColumn<bool>(
                name: "share_highlight_text",
                table: "nudge_preferences",
                type: "boolean",
                nullable: false,
                oldClrType: typeof(bool),
                oldType: "boolean",
                oldDefaultValue: false);

            migrationBuilder.AlterColumn<bool>(
                name: "question_nudge_on",
                table: "nudge_preferences",
                type: "boolean",
                nullable: false,
                oldClrType: typeof(bool),
                oldType: "boolean",
                oldDefaultValue: true);

            migrationBuilder.AlterColumn<TimeOnly>(
                name: "question_nudge_at",
                table: "nudge_preferences",
                type: "time without time zone",
                nullable: false,
                oldClrType: typeof(TimeOnly),
                oldType: "time without time zone",
                oldDefaultValue: new TimeOnly(8, 0, 0));

            migrationBuilder.AlterColumn<bool>(
                name: "partner_activity_on",
                table: "nudge_preferences",
                type: "boolean",
                nullable: false,
                oldClrType: typeof(bool),
                oldType: "boolean",
                oldDefaultValue: true);

            migrationBuilder.AlterColumn<bool>(
                name: "gratitude_nudge_on",
                table: "nudge_preferences",
                type: "boolean",
                nullable: false,
                oldClrType: typeof(bool),
                oldType: "boolean",
                oldDefaultValue: true);

            migrationBuilder.AlterColumn<TimeOnly>(
                name: "gratitude_nudge_at",
                table: "nudge_preferences",
                type: "time without time zone",
                nullable: false,
                oldClrType: typeof(TimeOnly),
                oldType: "time without time zone",
                oldDefaultValue: new TimeOnly(21, 0, 0));
        }
    }
}
