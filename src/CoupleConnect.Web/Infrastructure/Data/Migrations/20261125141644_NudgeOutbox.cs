using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CoupleConnect.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class NudgeOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "email_bounced_at",
                table: "AspNetUsers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "nudge_outbox",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    user_id = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    local_date = table.Column<DateOnly>(type: "date", nullable: false),
                    due_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    skip_reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    sent_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_nudge_outbox", x => x.id);
                    table.ForeignKey(
                        name: "fk_nudge_outbox_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_nudge_outbox_due_utc",
                table: "nudge_outbox",
                column: "due_utc");

            migrationBuilder.CreateIndex(
                name: "ix_nudge_outbox_pending",
                table: "nudge_outbox",
                column: "next_attempt_utc",
                filter: "status = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "ux_nudge_outbox_user_kind_day",
                table: "nudge_outbox",
                columns: new[] { "user_id", "kind", "local_date" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "nudge_outbox");

            migrationBuilder.DropColumn(
                name: "email_bounced_at",
                table: "AspNetUsers");
        }
    }
}
