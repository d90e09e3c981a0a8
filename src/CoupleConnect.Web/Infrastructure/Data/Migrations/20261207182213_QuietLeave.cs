using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoupleConnect.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class QuietLeave : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "quiet_leaver_id",
                table: "couples",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "remove_leaver_words",
                table: "couples",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "tell_partner_at",
                table: "couples",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_couples_tell_partner_at",
                table: "couples",
                column: "tell_partner_at",
                filter: "ended_at IS NULL AND tell_partner_at IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_couples_tell_partner_at",
                table: "couples");

            migrationBuilder.DropColumn(
                name: "quiet_leaver_id",
                table: "couples");

            migrationBuilder.DropColumn(
                name: "remove_leaver_words",
                table: "couples");

            migrationBuilder.DropColumn(
                name: "tell_partner_at",
                table: "couples");
        }
    }
}
