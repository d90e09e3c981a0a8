using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoupleConnect.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class CalendarFeedKeysBelongToACouple : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "couple_id",
                table: "calendar_feed_keys",
                type: "uuid",
                nullable: true);

            // An existing address belongs to the couple its owner is in now, if it was made in it; an address made
            // before (or in) a couple that has since changed would show the wrong couple's rituals, so it goes.
            migrationBuilder.Sql(
                """
                UPDATE calendar_feed_keys AS k SET couple_id = m.couple_id
                FROM couple_members AS m
                WHERE m.user_id = k.user_id AND m.left_at IS NULL AND m.joined_at <= k.created_at;

                DELETE FROM calendar_feed_keys AS k
                WHERE k.couple_id IS NULL
                  AND EXISTS (SELECT 1 FROM couple_members AS m WHERE m.user_id = k.user_id AND (m.left_at IS NULL OR m.left_at > k.created_at));
                """);

            migrationBuilder.CreateIndex(
                name: "ix_calendar_feed_keys_couple_id",
                table: "calendar_feed_keys",
                column: "couple_id");

            migrationBuilder.AddForeignKey(
                name: "fk_calendar_feed_keys_couples_couple_id",
                table: "calendar_feed_keys",
                column: "couple_id",
                principalTable: "couples",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_calendar_feed_keys_couples_couple_id",
                table: "calendar_feed_keys");

            migrationBuilder.DropIndex(
                name: "ix_calendar_feed_keys_couple_id",
                table: "calendar_feed_keys");

            migrationBuilder.DropColumn(
                name: "couple_id",
                table: "calendar_feed_keys");
        }
    }
}
