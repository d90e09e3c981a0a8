using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoupleConnect.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReminderOutboxSubject : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "ritual_id",
                table: "reminder_outbox",
                newName: "subject_id");

            migrationBuilder.RenameIndex(
                name: "ux_reminder_outbox_user_kind_day_ritual",
                table: "reminder_outbox",
                newName: "ux_reminder_outbox_user_kind_day_subject");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "subject_id",
                table: "reminder_outbox",
                newName: "ritual_id");

            migrationBuilder.RenameIndex(
                name: "ux_reminder_outbox_user_kind_day_subject",
                table: "reminder_outbox",
                newName: "ux_reminder_outbox_user_kind_day_ritual");
        }
    }
}
