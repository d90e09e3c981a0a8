using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoupleConnect.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Needs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "needs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    couple_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_id = table.Column<string>(type: "text", nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    written_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    taken_off_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    trying_since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_needs", x => x.id);
                    table.ForeignKey(
                        name: "fk_needs_asp_net_users_author_id",
                        column: x => x.author_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_needs_couples_couple_id",
                        column: x => x.couple_id,
                        principalTable: "couples",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "need_answers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    need_id = table.Column<Guid>(type: "uuid", nullable: false),
                    couple_id = table.Column<Guid>(type: "uuid", nullable: false),
                    ritual_id = table.Column<Guid>(type: "uuid", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    author_id = table.Column<string>(type: "text", nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_need_answers", x => x.id);
                    table.ForeignKey(
                        name: "fk_need_answers_asp_net_users_author_id",
                        column: x => x.author_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_need_answers_needs_need_id",
                        column: x => x.need_id,
                        principalTable: "needs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_need_answers_rituals_ritual_id",
                        column: x => x.ritual_id,
                        principalTable: "rituals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "need_versions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    need_id = table.Column<Guid>(type: "uuid", nullable: false),
                    couple_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_id = table.Column<string>(type: "text", nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    written_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    change = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_need_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_need_versions_needs_need_id",
                        column: x => x.need_id,
                        principalTable: "needs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_need_answers_author_id",
                table: "need_answers",
                column: "author_id");

            migrationBuilder.CreateIndex(
                name: "ix_need_answers_couple_id_ritual_id_day",
                table: "need_answers",
                columns: new[] { "couple_id", "ritual_id", "day" });

            migrationBuilder.CreateIndex(
                name: "ix_need_answers_need_id_ritual_id_day_author_id",
                table: "need_answers",
                columns: new[] { "need_id", "ritual_id", "day", "author_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_need_answers_ritual_id",
                table: "need_answers",
                column: "ritual_id");

            migrationBuilder.CreateIndex(
                name: "ix_need_versions_couple_id_need_id",
                table: "need_versions",
                columns: new[] { "couple_id", "need_id" });

            migrationBuilder.CreateIndex(
                name: "ix_need_versions_need_id",
                table: "need_versions",
                column: "need_id");

            migrationBuilder.CreateIndex(
                name: "ix_needs_author_id",
                table: "needs",
                column: "author_id");

            migrationBuilder.CreateIndex(
                name: "ix_needs_couple_id_author_id",
                table: "needs",
                columns: new[] { "couple_id", "author_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "need_answers");

            migrationBuilder.DropTable(
                name: "need_versions");

            migrationBuilder.DropTable(
                name: "needs");
        }
    }
}
