using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoupleConnect.Web.Infrastructure.Data.Migrations
{
    /// <summary>
    /// The reminder engine takes the product's word (ADR 0026): its tables, columns, keys and indexes are renamed in
    /// place (no data moves), and "nightly" gratitude becomes evening gratitude.
    /// </summary>
    public partial class RenameNudgesToReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameTable(name: "nudge_outbox", newName: "reminder_outbox");
            migrationBuilder.RenameTable(name: "nudge_preferences", newName: "reminder_preferences");
            migrationBuilder.RenameTable(name: "nudge_schedules", newName: "reminder_schedules");
            migrationBuilder.RenameColumn(name: "question_nudge_on", table: "reminder_preferences", newName: "question_reminder_on");
            migrationBuilder.RenameColumn(name: "question_nudge_at", table: "reminder_preferences", newName: "question_reminder_at");
            migrationBuilder.RenameColumn(name: "gratitude_nudge_on", table: "reminder_preferences", newName: "gratitude_reminder_on");
            migrationBuilder.RenameColumn(name: "gratitude_nudge_at", table: "reminder_preferences", newName: "gratitude_reminder_at");
            migrationBuilder.RenameColumn(name: "is_nightly_gratitude", table: "positives", newName: "is_evening_gratitude");
            migrationBuilder.Sql("ALTER TABLE reminder_outbox RENAME CONSTRAINT pk_nudge_outbox TO pk_reminder_outbox;");
            migrationBuilder.Sql("ALTER TABLE reminder_preferences RENAME CONSTRAINT pk_nudge_preferences TO pk_reminder_preferences;");
            migrationBuilder.Sql("ALTER TABLE reminder_schedules RENAME CONSTRAINT pk_nudge_schedules TO pk_reminder_schedules;");
            migrationBuilder.Sql("ALTER TABLE reminder_outbox RENAME CONSTRAINT fk_nudge_outbox_asp_net_users_user_id TO fk_reminder_outbox_asp_net_users_user_id;");
            migrationBuilder.Sql("ALTER TABLE reminder_preferences RENAME CONSTRAINT fk_nudge_preferences_asp_net_users_user_id TO fk_reminder_preferences_asp_net_users_user_id;");
            migrationBuilder.Sql("ALTER TABLE reminder_schedules RENAME CONSTRAINT fk_nudge_schedules_asp_net_users_user_id TO fk_reminder_schedules_asp_net_users_user_id;");
            migrationBuilder.RenameIndex(name: "ix_nudge_outbox_due_utc", table: "reminder_outbox", newName: "ix_reminder_outbox_due_utc");
            migrationBuilder.RenameIndex(name: "ix_nudge_outbox_pending", table: "reminder_outbox", newName: "ix_reminder_outbox_pending");
            migrationBuilder.RenameIndex(name: "ux_nudge_outbox_user_kind_day_ritual", table: "reminder_outbox", newName: "ux_reminder_outbox_user_kind_day_ritual");
            migrationBuilder.RenameIndex(name: "ix_nudge_schedules_next_due_utc", table: "reminder_schedules", newName: "ix_reminder_schedules_next_due_utc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameIndex(name: "ix_reminder_schedules_next_due_utc", table: "reminder_schedules", newName: "ix_nudge_schedules_next_due_utc");
            migrationBuilder.RenameIndex(name: "ux_reminder_outbox_user_kind_day_ritual", table: "reminder_outbox", newName: "ux_nudge_outbox_user_kind_day_ritual");
            migrationBuilder.RenameIndex(name: "ix_reminder_outbox_pending", table: "reminder_outbox", newName: "ix_nudge_outbox_pending");
            migrationBuilder.RenameIndex(name: "ix_reminder_outbox_due_utc", table: "reminder_outbox", newName: "ix_nudge_outbox_due_utc");
            migrationBuilder.Sql("ALTER TABLE reminder_schedules RENAME CONSTRAINT fk_reminder_schedules_asp_net_users_user_id TO fk_nudge_schedules_asp_net_users_user_id;");
            migrationBuilder.Sql("ALTER TABLE reminder_preferences RENAME CONSTRAINT fk_reminder_preferences_asp_net_users_user_id TO fk_nudge_preferences_asp_net_users_user_id;");
            migrationBuilder.Sql("ALTER TABLE reminder_outbox RENAME CONSTRAINT fk_reminder_outbox_asp_net_users_user_id TO fk_nudge_outbox_asp_net_users_user_id;");
            migrationBuilder.Sql("ALTER TABLE reminder_schedules RENAME CONSTRAINT pk_reminder_schedules TO pk_nudge_schedules;");
            migrationBuilder.Sql("ALTER TABLE reminder_preferences RENAME CONSTRAINT pk_reminder_preferences TO pk_nudge_preferences;");
            migrationBuilder.Sql("ALTER TABLE reminder_outbox RENAME CONSTRAINT pk_reminder_outbox TO pk_nudge_outbox;");
            migrationBuilder.RenameColumn(name: "is_evening_gratitude", table: "positives", newName: "is_nightly_gratitude");
            migrationBuilder.RenameColumn(name: "gratitude_reminder_at", table: "reminder_preferences", newName: "gratitude_nudge_at");
            migrationBuilder.RenameColumn(name: "gratitude_reminder_on", table: "reminder_preferences", newName: "gratitude_nudge_on");
            migrationBuilder.RenameColumn(name: "question_reminder_at", table: "reminder_preferences", newName: "question_nudge_at");
            migrationBuilder.RenameColumn(name: "question_reminder_on", table: "reminder_preferences", newName: "question_nudge_on");
            migrationBuilder.RenameTable(name: "reminder_schedules", newName: "nudge_schedules");
            migrationBuilder.RenameTable(name: "reminder_preferences", newName: "nudge_preferences");
            migrationBuilder.RenameTable(name: "reminder_outbox", newName: "nudge_outbox");
        }
    }
}
