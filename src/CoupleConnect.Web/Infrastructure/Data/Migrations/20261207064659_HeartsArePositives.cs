using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoupleConnect.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class HeartsArePositives : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "heart_on_question_of",
                table: "positives",
                type: "date",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_positives_couple_id_author_id_heart_on_question_of",
                table: "positives",
                columns: new[] { "couple_id", "author_id", "heart_on_question_of" },
                unique: true,
                filter: "heart_on_question_of IS NOT NULL");

            // Hearts sent before this release become the positives they now count as. The heart is on one partner's
            // answer, so it came from the other member of that couple; the day it was sent is unknown, so the
            // question's own day stands in for it.
            migrationBuilder.Sql("""
                INSERT INTO positives (id, couple_id, author_id, about_id, kind, note, day, is_evening_gratitude, created_at, acknowledged_at, heart_on_question_of)
                SELECT gen_random_uuid(), dq.couple_id, member.user_id, answer.author_id, 'Affection', NULL, dq.day, FALSE, answer.updated_at, NULL, dq.day
                FROM check_in_answers answer
                JOIN daily_questions dq ON dq.id = answer.daily_question_id
                JOIN couple_members member ON member.couple_id = dq.couple_id AND member.user_id <> answer.author_id
                WHERE answer.hearted_by_partner
                ON CONFLICT DO NOTHING;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_positives_couple_id_author_id_heart_on_question_of",
                table: "positives");

            migrationBuilder.DropColumn(
                name: "heart_on_question_of",
                table: "positives");
        }
    }
}
