using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoupleConnect.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class DashboardCoveringIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_positives_couple_id_created_at",
                table: "positives");

            migrationBuilder.DropIndex(
                name: "ix_positives_couple_id_day",
                table: "positives");

            migrationBuilder.DropIndex(
                name: "ux_daily_questions_one_per_couple_and_day",
                table: "daily_questions");

            migrationBuilder.DropIndex(
                name: "ix_check_in_answers_daily_question_id_author_id",
                table: "check_in_answers");

            migrationBuilder.CreateIndex(
                name: "ix_positives_couple_id_created_at",
                table: "positives",
                columns: new[] { "couple_id", "created_at" })
                .Annotation("Npgsql:IndexInclude", new[] { "author_id" });

            migrationBuilder.CreateIndex(
                name: "ix_positives_couple_id_day",
                table: "positives",
                columns: new[] { "couple_id", "day" })
                .Annotation("Npgsql:IndexInclude", new[] { "author_id", "is_nightly_gratitude" });

            migrationBuilder.CreateIndex(
                name: "ux_daily_questions_one_per_couple_and_day",
                table: "daily_questions",
                columns: new[] { "couple_id", "day" },
                unique: true)
                .Annotation("Npgsql:IndexInclude", new[] { "id" });

            migrationBuilder.CreateIndex(
                name: "ix_check_in_answers_daily_question_id_author_id",
                table: "check_in_answers",
                columns: new[] { "daily_question_id", "author_id" },
                unique: true)
                .Annotation("Npgsql:IndexInclude", new[] { "answered_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_positives_couple_id_created_at",
                table: "positives");

            migrationBuilder.DropIndex(
                name: "ix_positives_couple_id_day",
                table: "positives");

            migrationBuilder.DropIndex(
                name: "ux_daily_questions_one_per_couple_and_day",
                table: "daily_questions");

            migrationBuilder.DropIndex(
                name: "ix_check_in_answers_daily_question_id_author_id",
                table: "check_in_answers");

            migrationBuilder.CreateIndex(
                name: "ix_positives_couple_id_created_at",
                table: "positives",
                columns: new[] { "couple_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_positives_couple_id_day",
                table: "positives",
                columns: new[] { "couple_id", "day" });

            migrationBuilder.CreateIndex(
                name: "ux_daily_questions_one_per_couple_and_day",
                table: "daily_questions",
                columns: new[] { "couple_id", "day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_check_in_answers_daily_question_id_author_id",
                table: "check_in_answers",
                columns: new[] { "daily_question_id", "author_id" },
                unique: true);
        }
    }
}
