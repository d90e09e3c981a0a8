using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoupleConnect.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class NudgePreferencesAndSchedules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "nudge_preferences",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "text", nullable: false),
                    question_nudge_on = table.Column<bool>(type: "boolean", nullable: false),
                    question_nudge_at = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    gratitude_nudge_on = table.Column<bool>(type: "boolean", nullable: false),
                    gratitude_nudge_at = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    partner_activity_on = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_nudge_preferences", x => x.user_id);
                    table.ForeignKey(
                        name: "fk_nudge_preferences_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "nudge_schedules",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    next_due_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_nudge_schedules", x => new { x.user_id, x.kind });
                    table.ForeignKey(
                        name: "fk_nudge_schedules_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_nudge_schedules_next_due_utc",
                table: "nudge_schedules",
                column: "next_due_utc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "nudge_preferences");

            migrationBuilder.DropTable(
                name: "nudge_schedules");
        }
    }
}
