using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoupleConnect.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class RevealTogetherAndPrivateMode : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "visible_to_partner_from",
                table: "positives",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "reveals_together",
                table: "daily_questions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "reveal_together",
                table: "couples",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "reveal_together_end_asked_by",
                table: "couples",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "private_since",
                table: "couple_members",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "tapped_reveal",
                table: "check_in_answers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "visible_to_partner_from",
                table: "check_in_answers",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "visible_to_partner_from",
                table: "positives");

            migrationBuilder.DropColumn(
                name: "reveals_together",
                table: "daily_questions");

            migrationBuilder.DropColumn(
                name: "reveal_together",
                table: "couples");

            migrationBuilder.DropColumn(
                name: "reveal_together_end_asked_by",
                table: "couples");

            migrationBuilder.DropColumn(
                name: "private_since",
                table: "couple_members");

            migrationBuilder.DropColumn(
                name: "tapped_reveal",
                table: "check_in_answers");

            migrationBuilder.DropColumn(
                name: "visible_to_partner_from",
                table: "check_in_answers");
        }
    }
}
