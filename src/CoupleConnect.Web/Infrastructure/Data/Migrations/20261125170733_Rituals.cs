using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoupleConnect.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Rituals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_nudge_outbox_user_kind_day",
                table: "nudge_outbox");

            migrationBuilder.AddColumn<Guid>(
                name: "ritual_id",
                table: "nudge_outbox",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "calendar_feed_keys",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "text", nullable: false),
                    token = table.Column<string>(type: "text", nullable: false),
                    token_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calendar_feed_keys", x => x.user_id);
                    table.ForeignKey(
                        name: "fk_calendar_feed_keys_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "rituals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    couple_id = table.Column<Guid>(type: "uuid", nullable: false),
                    template_key = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    name = table.Column<string>(type: "text", nullable: false),
                    description = table.Column<string>(type: "text", nullable: true),
                    repeat = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    start_time = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    duration_minutes = table.Column<int>(type: "integer", nullable: false),
                    weekday_bits = table.Column<int>(type: "integer", nullable: false),
                    day_of_month = table.Column<int>(type: "integer", nullable: false),
                    nth = table.Column<int>(type: "integer", nullable: false),
                    nth_weekday = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_by_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    deleted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rituals", x => x.id);
                    table.ForeignKey(
                        name: "fk_rituals_couples_couple_id",
                        column: x => x.couple_id,
                        principalTable: "couples",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "monthly_reflections",
                columns: table => new
                {
                    ritual_id = table.Column<Guid>(type: "uuid", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    author_id = table.Column<string>(type: "text", nullable: false),
                    went_well = table.Column<string>(type: "text", nullable: false),
                    goal = table.Column<string>(type: "text", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_monthly_reflections", x => new { x.ritual_id, x.day, x.author_id });
                    table.ForeignKey(
                        name: "fk_monthly_reflections_asp_net_users_author_id",
                        column: x => x.author_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_monthly_reflections_rituals_ritual_id",
                        column: x => x.ritual_id,
                        principalTable: "rituals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ritual_notes",
                columns: table => new
                {
                    ritual_id = table.Column<Guid>(type: "uuid", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    author_id = table.Column<string>(type: "text", nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ritual_notes", x => new { x.ritual_id, x.day, x.author_id });
                    table.ForeignKey(
                        name: "fk_ritual_notes_asp_net_users_author_id",
                        column: x => x.author_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_ritual_notes_rituals_ritual_id",
                        column: x => x.ritual_id,
                        principalTable: "rituals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ritual_outcomes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    ritual_id = table.Column<Guid>(type: "uuid", nullable: false),
                    couple_id = table.Column<Guid>(type: "uuid", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    marked_by_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    marked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ritual_outcomes", x => x.id);
                    table.ForeignKey(
                        name: "fk_ritual_outcomes_rituals_ritual_id",
                        column: x => x.ritual_id,
                        principalTable: "rituals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ritual_reminders",
                columns: table => new
                {
                    ritual_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<string>(type: "text", nullable: false),
                    is_on = table.Column<bool>(type: "boolean", nullable: false),
                    lead_minutes = table.Column<int>(type: "integer", nullable: false),
                    day_before = table.Column<bool>(type: "boolean", nullable: false),
                    next_due_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    next_occurrence_day = table.Column<DateOnly>(type: "date", nullable: true),
                    next_kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ritual_reminders", x => new { x.ritual_id, x.user_id });
                    table.ForeignKey(
                        name: "fk_ritual_reminders_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_ritual_reminders_rituals_ritual_id",
                        column: x => x.ritual_id,
                        principalTable: "rituals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ux_nudge_outbox_user_kind_day_ritual",
                table: "nudge_outbox",
                columns: new[] { "user_id", "kind", "local_date", "ritual_id" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_calendar_feed_keys_token_hash",
                table: "calendar_feed_keys",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_monthly_reflections_author_id",
                table: "monthly_reflections",
                column: "author_id");

            migrationBuilder.CreateIndex(
                name: "ix_ritual_notes_author_id",
                table: "ritual_notes",
                column: "author_id");

            migrationBuilder.CreateIndex(
                name: "ix_ritual_outcomes_couple_id_day",
                table: "ritual_outcomes",
                columns: new[] { "couple_id", "day" });

            migrationBuilder.CreateIndex(
                name: "ix_ritual_outcomes_ritual_id_day",
                table: "ritual_outcomes",
                columns: new[] { "ritual_id", "day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ritual_reminders_next_due_utc",
                table: "ritual_reminders",
                column: "next_due_utc",
                filter: "next_due_utc IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_ritual_reminders_user_id",
                table: "ritual_reminders",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_rituals_couple_id",
                table: "rituals",
                column: "couple_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "calendar_feed_keys");

            migrationBuilder.DropTable(
                name: "monthly_reflections");

            migrationBuilder.DropTable(
                name: "ritual_notes");

            migrationBuilder.DropTable(
                name: "ritual_outcomes");

            migrationBuilder.DropTable(
                name: "ritual_reminders");

            migrationBuilder.DropTable(
                name: "rituals");

            migrationBuilder.DropIndex(
                name: "ux_nudge_outbox_user_kind_day_ritual",
                table: "nudge_outbox");

            migrationBuilder.DropColumn(
                name: "ritual_id",
                table: "nudge_outbox");

            migrationBuilder.CreateIndex(
                name: "ux_nudge_outbox_user_kind_day",
                table: "nudge_outbox",
                columns: new[] { "user_id", "kind", "local_date" },
                unique: true);
        }
    }
}
