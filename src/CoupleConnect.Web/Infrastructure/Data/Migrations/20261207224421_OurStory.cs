using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoupleConnect.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class OurStory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "story_moments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    couple_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_id = table.Column<string>(type: "text", nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    rough_time = table.Column<string>(type: "text", nullable: true),
                    text = table.Column<string>(type: "text", nullable: true),
                    hard_time = table.Column<bool>(type: "boolean", nullable: false),
                    from_reflection = table.Column<DateOnly>(type: "date", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    visible_to_partner_from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    removed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_story_moments", x => x.id);
                    table.ForeignKey(
                        name: "fk_story_moments_asp_net_users_author_id",
                        column: x => x.author_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_story_moments_couples_couple_id",
                        column: x => x.couple_id,
                        principalTable: "couples",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "story_sides",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    couple_id = table.Column<Guid>(type: "uuid", nullable: false),
                    moment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_id = table.Column<string>(type: "text", nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    written_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    visible_to_partner_from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_story_sides", x => x.id);
                    table.ForeignKey(
                        name: "fk_story_sides_asp_net_users_author_id",
                        column: x => x.author_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_story_sides_story_moments_moment_id",
                        column: x => x.moment_id,
                        principalTable: "story_moments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_story_moments_author_id",
                table: "story_moments",
                column: "author_id");

            migrationBuilder.CreateIndex(
                name: "ix_story_moments_couple_id_author_id_from_reflection",
                table: "story_moments",
                columns: new[] { "couple_id", "author_id", "from_reflection" },
                unique: true,
                filter: "from_reflection IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_story_moments_couple_id_day",
                table: "story_moments",
                columns: new[] { "couple_id", "day" });

            migrationBuilder.CreateIndex(
                name: "ix_story_sides_author_id",
                table: "story_sides",
                column: "author_id");

            migrationBuilder.CreateIndex(
                name: "ix_story_sides_couple_id",
                table: "story_sides",
                column: "couple_id");

            migrationBuilder.CreateIndex(
                name: "ix_story_sides_moment_id_author_id",
                table: "story_sides",
                columns: new[] { "moment_id", "author_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "story_sides");

            migrationBuilder.DropTable(
                name: "story_moments");
        }
    }
}
