using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoupleConnect.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Talks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "talk_reminders_on",
                table: "reminder_preferences",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.CreateTable(
                name: "talks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    couple_id = table.Column<Guid>(type: "uuid", nullable: false),
                    proposed_by_id = table.Column<string>(type: "text", nullable: false),
                    partner_id = table.Column<string>(type: "text", nullable: false),
                    topic = table.Column<string>(type: "text", nullable: true),
                    time_box_minutes = table.Column<int>(type: "integer", nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    awaiting_answer_from_id = table.Column<string>(type: "text", nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ended_by_id = table.Column<string>(type: "text", nullable: true),
                    follow_up_of_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_talks", x => x.id);
                    table.ForeignKey(
                        name: "fk_talks_asp_net_users_proposed_by_id",
                        column: x => x.proposed_by_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_talks_couples_couple_id",
                        column: x => x.couple_id,
                        principalTable: "couples",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "talk_next_steps",
                columns: table => new
                {
                    talk_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_id = table.Column<string>(type: "text", nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    written_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_talk_next_steps", x => new { x.talk_id, x.author_id });
                    table.ForeignKey(
                        name: "fk_talk_next_steps_asp_net_users_author_id",
                        column: x => x.author_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_talk_next_steps_talks_talk_id",
                        column: x => x.talk_id,
                        principalTable: "talks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "talk_turns",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    talk_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    speaker_id = table.Column<string>(type: "text", nullable: false),
                    listener_id = table.Column<string>(type: "text", nullable: false),
                    said = table.Column<string>(type: "text", nullable: true),
                    said_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reflection = table.Column<string>(type: "text", nullable: true),
                    reflected_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reflection_removed = table.Column<bool>(type: "boolean", nullable: false),
                    verdict = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    clarification = table.Column<string>(type: "text", nullable: true),
                    not_quite_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_talk_turns", x => x.id);
                    table.ForeignKey(
                        name: "fk_talk_turns_asp_net_users_speaker_id",
                        column: x => x.speaker_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_talk_turns_talks_talk_id",
                        column: x => x.talk_id,
                        principalTable: "talks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_talk_next_steps_author_id",
                table: "talk_next_steps",
                column: "author_id");

            migrationBuilder.CreateIndex(
                name: "ix_talk_turns_speaker_id",
                table: "talk_turns",
                column: "speaker_id");

            migrationBuilder.CreateIndex(
                name: "ix_talk_turns_talk_id_number",
                table: "talk_turns",
                columns: new[] { "talk_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_talks_couple_id_created_at",
                table: "talks",
                columns: new[] { "couple_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_talks_proposed_by_id",
                table: "talks",
                column: "proposed_by_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "talk_next_steps");

            migrationBuilder.DropTable(
                name: "talk_turns");

            migrationBuilder.DropTable(
                name: "talks");

            migrationBuilder.DropColumn(
                name: "talk_reminders_on",
                table: "reminder_preferences");
        }
    }
}
