using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoupleConnect.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class PositivesAndWeeklySummary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "share_highlight_text",
                table: "nudge_preferences",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "weekly_summary_on",
                table: "nudge_preferences",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "positives",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    couple_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_id = table.Column<string>(type: "text", nullable: false),
                    about_id = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    note = table.Column<string>(type: "text", nullable: true),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    is_nightly_gratitude = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    acknowledged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_positives", x => x.id);
                    table.ForeignKey(
                        name: "fk_positives_asp_net_users_about_id",
                        column: x => x.about_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_positives_asp_net_users_author_id",
                        column: x => x.author_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_positives_couples_couple_id",
                        column: x => x.couple_id,
                        principalTable: "couples",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_positives_about_id",
                table: "positives",
                column: "about_id");

            migrationBuilder.CreateIndex(
                name: "ix_positives_author_id_day",
                table: "positives",
                columns: new[] { "author_id", "day" });

            migrationBuilder.CreateIndex(
                name: "ix_positives_couple_id_created_at",
                table: "positives",
                columns: new[] { "couple_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_positives_couple_id_day",
                table: "positives",
                columns: new[] { "couple_id", "day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "positives");

            migrationBuilder.DropColumn(
                name: "share_highlight_text",
                table: "nudge_preferences");

            migrationBuilder.DropColumn(
                name: "weekly_summary_on",
                table: "nudge_preferences");
        }
    }
}
