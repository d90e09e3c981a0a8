using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoupleConnect.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class MyWordsAreMine : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "reflection_removed",
                table: "check_in_answers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "removed_at",
                table: "check_in_answers",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "reflection_removed",
                table: "check_in_answers");

            migrationBuilder.DropColumn(
                name: "removed_at",
                table: "check_in_answers");
        }
    }
}
