using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoupleConnect.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class PushDevicesAndReminderChannels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_reminder_outbox_user_kind_day_subject",
                table: "reminder_outbox");

            migrationBuilder.AddColumn<string>(
                name: "channel",
                table: "reminder_outbox",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                // Every reminder before push existed was an email.
                defaultValue: "Email");

            migrationBuilder.CreateTable(
                name: "push_devices",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<string>(type: "text", nullable: false),
                    endpoint = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    p256dh = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    auth = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    session_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_delivered_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_push_devices", x => x.id);
                    table.ForeignKey(
                        name: "fk_push_devices_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reminder_channel_choices",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "text", nullable: false),
                    topic = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    channels = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reminder_channel_choices", x => new { x.user_id, x.topic });
                    table.ForeignKey(
                        name: "fk_reminder_channel_choices_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ux_reminder_outbox_user_kind_day_subject_channel",
                table: "reminder_outbox",
                columns: new[] { "user_id", "kind", "local_date", "subject_id", "channel" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_push_devices_endpoint",
                table: "push_devices",
                column: "endpoint",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_push_devices_user_id",
                table: "push_devices",
                column: "user_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "push_devices");

            migrationBuilder.DropTable(
                name: "reminder_channel_choices");

            migrationBuilder.DropIndex(
                name: "ux_reminder_outbox_user_kind_day_subject_channel",
                table: "reminder_outbox");

            migrationBuilder.DropColumn(
                name: "channel",
                table: "reminder_outbox");

            migrationBuilder.CreateIndex(
                name: "ux_reminder_outbox_user_kind_day_subject",
                table: "reminder_outbox",
                columns: new[] { "user_id", "kind", "local_date", "subject_id" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);
        }
    }
}
