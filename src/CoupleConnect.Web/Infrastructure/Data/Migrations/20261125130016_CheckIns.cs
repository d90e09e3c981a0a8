using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace CoupleConnect.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class CheckIns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "check_in_preferences",
                columns: table => new
                {
                    couple_id = table.Column<Guid>(type: "uuid", nullable: false),
                    depth = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_check_in_preferences", x => x.couple_id);
                    table.ForeignKey(
                        name: "fk_check_in_preferences_couples_couple_id",
                        column: x => x.couple_id,
                        principalTable: "couples",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "questions",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    text = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    depth = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_questions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "daily_questions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    couple_id = table.Column<Guid>(type: "uuid", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    question_id = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_daily_questions", x => x.id);
                    table.ForeignKey(
                        name: "fk_daily_questions_couples_couple_id",
                        column: x => x.couple_id,
                        principalTable: "couples",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_daily_questions_questions_question_id",
                        column: x => x.question_id,
                        principalTable: "questions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "check_in_answers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    daily_question_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_id = table.Column<string>(type: "text", nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    hearted_by_partner = table.Column<bool>(type: "boolean", nullable: false),
                    reflection_text = table.Column<string>(type: "text", nullable: true),
                    reflected_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    verdict = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    clarification = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_check_in_answers", x => x.id);
                    table.ForeignKey(
                        name: "fk_check_in_answers_asp_net_users_author_id",
                        column: x => x.author_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_check_in_answers_daily_questions_daily_question_id",
                        column: x => x.daily_question_id,
                        principalTable: "daily_questions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "questions",
                columns: new[] { "id", "category", "depth", "text" },
                values: new object[,]
                {
                    { 1, "FeelingCaredFor", "Light", "Today, when was a moment you felt looked after by me, even briefly?" },
                    { 2, "FeelingCaredFor", "Light", "What's one small thing I could do tomorrow that would make your day easier?" },
                    { 3, "FeelingCaredFor", "Light", "What kind of message from me during the day makes you feel thought of?" },
                    { 4, "FeelingCaredFor", "Light", "What's a small gesture of mine that tells you I've been listening?" },
                    { 5, "FeelingCaredFor", "Light", "When this week did you feel like I had your back?" },
                    { 6, "FeelingCaredFor", "Light", "What's one way I could show I'm thinking of you on a day we spend apart?" },
                    { 7, "FeelingCaredFor", "Light", "What's a comforting thing I do when you're tired or worn out?" },
                    { 8, "FeelingCaredFor", "Light", "What's one little kindness from me that would brighten a gray day for you?" },
                    { 9, "FeelingCaredFor", "Medium", "When you're stressed, what helps most from me: listening, practical help, or some space? What does that look like?" },
                    { 10, "FeelingCaredFor", "Medium", "What's something I did once that made you feel truly understood?" },
                    { 11, "FeelingCaredFor", "Medium", "How can you tell when I'm really paying attention to you, and not just half-listening?" },
                    { 12, "FeelingCaredFor", "Medium", "What's a way of showing care you learned growing up that I might not recognize when you do it?" },
                    { 13, "FeelingCaredFor", "Medium", "When you're unwell or low, what does being looked after by me ideally look like?" },
                    { 14, "FeelingCaredFor", "Medium", "Which kind of affection from me, such as holding hands or a hug, feels most comforting to you lately, if any?" },
                    { 15, "FeelingCaredFor", "Deep", "Think of a time you needed care and didn't ask for it. What would have made it easier to ask me?" },
                    { 16, "FeelingCaredFor", "Deep", "What do you most need to hear from me when you're doubting yourself?" },
                    { 17, "FeelingCaredFor", "Deep", "What makes it hard sometimes to let me take care of you, and what would make it feel safer?" },
                    { 18, "Appreciation", "Light", "What's one thing I did today, however small, that you appreciated?" },
                    { 19, "Appreciation", "Light", "Which of my habits quietly makes your life a little better?" },
                    { 20, "Appreciation", "Light", "What's something I said recently that stayed with you in a good way?" },
                    { 21, "Appreciation", "Light", "What's one small effort of mine this week that you noticed but didn't mention?" },
                    { 22, "Appreciation", "Light", "Which of my quirks do you secretly like?" },
                    { 23, "Appreciation", "Light", "What's one thing I'm good at that you're glad to have in your life?" },
                    { 24, "Appreciation", "Light", "When did I make you smile this week, and what did I do?" },
                    { 25, "Appreciation", "Light", "What's one everyday thing I do that you'd miss if I stopped?" },
                    { 26, "Appreciation", "Medium", "What's a quality of mine you've come to value more over time?" },
                    { 27, "Appreciation", "Medium", "When have you felt proud of me lately, and what was I doing?" },
                    { 28, "Appreciation", "Medium", "What's one way I've grown since we met that you appreciate?" },
                    { 29, "Appreciation", "Medium", "What's something I do for us that you think deserves more thanks than it gets?" },
                    { 30, "Appreciation", "Medium", "Which of my strengths has helped us through a hard stretch?" },
                    { 31, "Appreciation", "Medium", "What's one thing about how I treat other people that you admire?" },
                    { 32, "Appreciation", "Deep", "What's something about me you've valued for a long time but never quite found the words to say?" },
                    { 33, "Appreciation", "Deep", "When you think about why you chose to be with me, what still feels true today?" },
                    { 34, "Appreciation", "Deep", "What part of who I am do you hope never changes, and why?" },
                    { 35, "Needs", "Light", "How would you finish the sentence \"I feel closer to you when we...\"?" },
                    { 36, "Needs", "Light", "What's one thing that helps you unwind around me at the end of a long day?" },
                    { 37, "Needs", "Light", "What would a perfect ten minutes together look like for you this week?" },
                    { 38, "Needs", "Light", "How much time to yourself feels right this week, and how can I help you get it?" },
                    { 39, "Needs", "Light", "What's a simple routine we share that helps you feel steady?" },
                    { 40, "Needs", "Light", "What kind of check-in from me during a busy week helps you feel connected?" },
                    { 41, "Needs", "Light", "Which helps you feel heard more right now: me asking questions, or me just listening?" },
                    { 42, "Needs", "Light", "What's one small thing you'd like more of from me this week?" },
                    { 43, "Needs", "Medium", "How would you finish the sentence \"I feel steadier in us when we...\"?" },
                    { 44, "Needs", "Medium", "What's a need of yours that has changed over the years, and how can I keep up with it?" },
                    { 45, "Needs", "Medium", "When you ask me for something, what kind of response makes it feel easy to ask again?" },
                    { 46, "Needs", "Medium", "What's one thing you'd love more of in our relationship right now that would feel like a gift?" },
                    { 47, "Needs", "Medium", "What helps you feel like an equal partner when we make decisions together?" },
                    { 48, "Needs", "Medium", "What's a boundary that matters to you, and how can I help you keep it?" },
                    { 49, "Needs", "Deep", "What's a need you've hesitated to mention, and what would make it feel safe to share with me?" },
                    { 50, "Needs", "Deep", "What does feeling truly safe with me look like for you, in everyday terms?" },
                    { 51, "Needs", "Deep", "If you could ask me for one thing that would help you feel more loved this month, what would it be?" },
                    { 52, "Memories", "Light", "Which memory of us do you return to when you need cheering up?" },
                    { 53, "Memories", "Light", "What's the first thing you remember noticing about me?" },
                    { 54, "Memories", "Light", "What's a meal we shared that you still think about?" },
                    { 55, "Memories", "Light", "Which trip, outing, or ordinary afternoon with me would you happily live again?" },
                    { 56, "Memories", "Light", "What's a song, smell, or place that instantly reminds you of us?" },
                    { 57, "Memories", "Light", "What's the funniest thing that has happened to us together?" },
                    { 58, "Memories", "Light", "What's a photo of us you love, and what was happening just outside the frame?" },
                    { 59, "Memories", "Light", "What's a small, ordinary moment with me from this past month that you'd like to remember?" },
                    { 60, "Memories", "Medium", "When did you first realize you could really count on me?" },
                    { 61, "Memories", "Medium", "What's a challenge we got through together that you're proud of?" },
                    { 62, "Memories", "Medium", "What's a habit or little tradition of ours that started by accident?" },
                    { 63, "Memories", "Medium", "What did you learn about me early on that surprised you?" },
                    { 64, "Memories", "Medium", "What's a place that holds a special memory of us, and what happened there?" },
                    { 65, "Memories", "Medium", "When did you feel we were a real team, and what made it work?" },
                    { 66, "Memories", "Deep", "What moment with me made you feel most loved, and why did it mean so much?" },
                    { 67, "Memories", "Deep", "Looking back, which hard time do you think brought us closer in the end, and how?" },
                    { 68, "Memories", "Deep", "What memory of us do you hope we'll still be telling each other about years from now?" },
                    { 69, "DreamsAndGoals", "Light", "If we had a free day with no obligations, how would you want to spend it together?" },
                    { 70, "DreamsAndGoals", "Light", "What's a place you'd love for us to visit someday?" },
                    { 71, "DreamsAndGoals", "Light", "What's something new you'd like us to try together this month?" },
                    { 72, "DreamsAndGoals", "Light", "What's a skill you'd like to learn this year, and how could I cheer you on?" },
                    { 73, "DreamsAndGoals", "Light", "What's one small goal you have for this week that I could help with?" },
                    { 74, "DreamsAndGoals", "Light", "What's an experience you'd love for us to share in the next twelve months?" },
                    { 75, "DreamsAndGoals", "Light", "What's something coming up that you're looking forward to, and why?" },
                    { 76, "DreamsAndGoals", "Light", "If we started a small project together, what would you want it to be?" },
                    { 77, "DreamsAndGoals", "Medium", "What's a personal dream of yours that I might not know much about?" },
                    { 78, "DreamsAndGoals", "Medium", "How could we make a little more room for your own interests in our week?" },
                    { 79, "DreamsAndGoals", "Medium", "What would a good year for us look like, one year from today?" },
                    { 80, "DreamsAndGoals", "Medium", "Which of my goals are you most excited to support, and why?" },
                    { 81, "DreamsAndGoals", "Medium", "What's one habit you'd like us to build together over the next few months?" },
                    { 82, "DreamsAndGoals", "Medium", "What's a dream you set aside that you might want to pick up again?" },
                    { 83, "DreamsAndGoals", "Deep", "In a few sentences, what kind of life do you hope we'll be living ten years from now?" },
                    { 84, "DreamsAndGoals", "Deep", "What do you hope our relationship will be known for, by us and by the people close to us?" },
                    { 85, "DreamsAndGoals", "Deep", "What fear sometimes holds you back from chasing a dream, and how could I support you with it?" },
                    { 86, "HighsAndLows", "Light", "What was the best part of your day today, even if it was tiny?" },
                    { 87, "HighsAndLows", "Light", "What made you laugh or smile today?" },
                    { 88, "HighsAndLows", "Light", "What's one thing today that went better than you expected?" },
                    { 89, "HighsAndLows", "Light", "Who did you share a good moment with today, and what happened?" },
                    { 90, "HighsAndLows", "Light", "What's one thing from today you'd like to tell me more about?" },
                    { 91, "HighsAndLows", "Light", "What was a kind thing someone did for you today, or that you did for someone else?" },
                    { 92, "HighsAndLows", "Light", "What's one thing you did today that you're quietly pleased about?" },
                    { 93, "HighsAndLows", "Light", "What was the most peaceful moment of your day today?" },
                    { 94, "HighsAndLows", "Medium", "What was the hardest moment of your day today, and how do you feel about it now?" },
                    { 95, "HighsAndLows", "Medium", "What drained your energy today, and what gave some of it back?" },
                    { 96, "HighsAndLows", "Medium", "Was there a moment today when you wished I'd been there with you? What was happening?" },
                    { 97, "HighsAndLows", "Medium", "What's one worry from today you'd like to set down before you sleep tonight?" },
                    { 98, "HighsAndLows", "Medium", "What surprised you about how you handled something today?" },
                    { 99, "HighsAndLows", "Medium", "What's one high and one low from today that you'd like me to know about?" },
                    { 100, "HighsAndLows", "Deep", "What did today stir up in you that you haven't said out loud yet?" },
                    { 101, "HighsAndLows", "Deep", "Was there a moment today when you felt unseen or overlooked, and what would have helped?" },
                    { 102, "HighsAndLows", "Deep", "What's weighing on your heart today that you'd like me to simply hear, without trying to fix?" },
                    { 103, "Fun", "Light", "If we could swap lives for a day, what's the first thing you'd do as me?" },
                    { 104, "Fun", "Light", "What's a silly nickname you'd give me today, and why?" },
                    { 105, "Fun", "Light", "If our relationship had a theme song right now, what would it be?" },
                    { 106, "Fun", "Light", "What's a game, puzzle, or challenge you'd love to play with me this week?" },
                    { 107, "Fun", "Light", "If we planned a date with no budget limits at all, what would happen on it?" },
                    { 108, "Fun", "Light", "What's a tiny adventure we could have this week without spending much money?" },
                    { 109, "Fun", "Light", "If we were characters in a movie, what kind of movie would it be, and who would play us?" },
                    { 110, "Fun", "Light", "What's one dish you'd like us to cook or try together for the first time?" },
                    { 111, "Fun", "Medium", "What's something playful we used to do that you'd like to bring back?" },
                    { 112, "Fun", "Medium", "What's a goofy side of you that you'd like me to see more often?" },
                    { 113, "Fun", "Medium", "If we had a whole free afternoon just to be silly together, how would you plan it?" },
                    { 114, "Fun", "Medium", "What's an inside joke of ours that still makes you smile, and how did it start?" },
                    { 115, "Fun", "Medium", "What's a hobby of mine you'd be curious to try with me for one afternoon?" },
                    { 116, "Fun", "Medium", "What would a screen-free evening together look like if you got to plan every detail?" },
                    { 117, "Fun", "Deep", "When do you feel most free to be playful around me, and what helps you feel that way?" },
                    { 118, "Fun", "Deep", "What would help you feel less self-conscious and more playful with me?" },
                    { 119, "Fun", "Deep", "What does joy in our relationship look like to you, described as one concrete scene?" },
                    { 120, "Repair", "Light", "When we disagree, what's one thing I do that helps you feel heard?" },
                    { 121, "Repair", "Light", "What's a word or gesture that helps you soften after a tense moment?" },
                    { 122, "Repair", "Light", "After a rough conversation, what helps you most: a hug, a walk, some quiet, or something else?" },
                    { 123, "Repair", "Light", "What's a kind way I could let you know I need a short break during a heated talk?" },
                    { 124, "Repair", "Light", "What's one small sign that tells you \"we're okay\" after a disagreement?" },
                    { 125, "Repair", "Medium", "When we're stuck on a problem, what helps you feel like we're on the same team?" },
                    { 126, "Repair", "Medium", "How much time do you usually need to cool off before you're ready to talk things through?" },
                    { 127, "Repair", "Medium", "What helps you stay open to what I'm saying when you're upset?" },
                    { 128, "Repair", "Medium", "Think of a disagreement we handled well. What did we do that worked?" },
                    { 129, "Repair", "Medium", "What's the best way for me to bring up something on my mind so that it's easy for you to hear?" },
                    { 130, "Repair", "Medium", "After we take a break from a hard talk, what would make coming back to it feel easier for you?" },
                    { 131, "Repair", "Medium", "What's an apology from me that really reached you, and what made it feel sincere?" },
                    { 132, "Repair", "Deep", "What would help you feel safe enough to talk with me about something that still hurts?" },
                    { 133, "Repair", "Deep", "What helps you let go of a disagreement so it doesn't linger between us?" },
                    { 134, "Repair", "Deep", "When you're hurting, what do you most need to hear from me to feel understood?" },
                    { 135, "Repair", "Deep", "When we're both stressed, what's one new way of reaching for each other you'd like us to try?" },
                    { 136, "Repair", "Deep", "What gives you hope that we can keep getting better at working through hard moments together?" }
                });

            migrationBuilder.CreateIndex(
                name: "ix_check_in_answers_author_id",
                table: "check_in_answers",
                column: "author_id");

            migrationBuilder.CreateIndex(
                name: "ix_check_in_answers_daily_question_id_author_id",
                table: "check_in_answers",
                columns: new[] { "daily_question_id", "author_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_daily_questions_question_id",
                table: "daily_questions",
                column: "question_id");

            migrationBuilder.CreateIndex(
                name: "ux_daily_questions_one_per_couple_and_day",
                table: "daily_questions",
                columns: new[] { "couple_id", "day" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "check_in_answers");

            migrationBuilder.DropTable(
                name: "check_in_preferences");

            migrationBuilder.DropTable(
                name: "daily_questions");

            migrationBuilder.DropTable(
                name: "questions");
        }
    }
}
