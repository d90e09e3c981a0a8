using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoupleConnect.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class TimeOuts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "time_out_emails_on",
                table: "reminder_preferences",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.CreateTable(
                name: "time_outs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    couple_id = table.Column<Guid>(type: "uuid", nullable: false),
                    called_by_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    called_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    return_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    extended = table.Column<bool>(type: "boolean", nullable: false),
                    ended_early_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    caller_ready_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    partner_ready_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_time_outs", x => x.id);
                    table.ForeignKey(
                        name: "fk_time_outs_asp_net_users_called_by_id",
                        column: x => x.called_by_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_time_outs_couples_couple_id",
                        column: x => x.couple_id,
                        principalTable: "couples",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "time_out_notes",
                columns: table => new
                {
                    time_out_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_id = table.Column<string>(type: "text", nullable: false),
                    couple_id = table.Column<Guid>(type: "uuid", nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_time_out_notes", x => new { x.time_out_id, x.author_id });
                    table.ForeignKey(
                        name: "fk_time_out_notes_asp_net_users_author_id",
                        column: x => x.author_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_time_out_notes_time_outs_time_out_id",
                        column: x => x.time_out_id,
                        principalTable: "time_outs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_time_out_notes_author_id",
                table: "time_out_notes",
                column: "author_id");

            migrationBuilder.CreateIndex(
                name: "ix_time_outs_called_by_id",
                table: "time_outs",
                column: "called_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_time_outs_couple_id_called_at",
                table: "time_outs",
                columns: new[] { "couple_id", "called_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "time_out_notes");

            migrationBuilder.DropTable(
                name: "time_outs");

            migrationBuilder.DropColumn(
                name: "time_out_emails_on",
                table: "reminder_preferences");
        }
    }
}
