using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace CoupleConnect.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class QuestionTopicsAndSwap : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "swapped_question_id",
                table: "daily_questions",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string[]>(
                name: "topics",
                table: "check_in_preferences",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            migrationBuilder.InsertData(
                table: "questions",
                columns: new[] { "id", "category", "depth", "text" },
                values: new object[,]
                {
                    { 137, "FeelingCaredFor", "Light", "What's one thing I could take off your plate this week without you having to ask?" },
                    { 138, "FeelingCaredFor", "Light", "Which of my good-morning habits makes the start of your day a little softer?" },
                    { 139, "FeelingCaredFor", "Light", "What's a snack, drink, or treat of yours I should always keep in the cupboard?" },
                    { 140, "FeelingCaredFor", "Light", "When you come home tired, what's the first thing you'd like me to do?" },
                    { 141, "FeelingCaredFor", "Light", "What's a chore you dislike that you'd love me to surprise you by doing?" },
                    { 142, "FeelingCaredFor", "Light", "Which text from me this month made you smile at your phone?" },
                    { 143, "FeelingCaredFor", "Light", "What's a small way I could make your evenings feel calmer this week?" },
                    { 144, "FeelingCaredFor", "Light", "When you're running late and flustered, what helps most from me?" },
                    { 145, "FeelingCaredFor", "Light", "What's something I remembered about you lately that made you feel known?" },
                    { 146, "FeelingCaredFor", "Light", "What's a cozy thing we could do tonight that would feel like looking after you?" },
                    { 147, "FeelingCaredFor", "Light", "What's one way I could make your mornings easier on your busiest day this week?" },
                    { 148, "FeelingCaredFor", "Light", "What's a way I could help you rest properly this weekend?" },
                    { 149, "FeelingCaredFor", "Medium", "When did you last feel that I put you first, and what did I do?" },
                    { 150, "FeelingCaredFor", "Medium", "What's a worry you carry that you'd like me to ask about more often?" },
                    { 151, "FeelingCaredFor", "Medium", "How can I look after you when you're busy looking after everyone else?" },
                    { 152, "FeelingCaredFor", "Medium", "What do you wish I noticed sooner when you're starting to feel overwhelmed?" },
                    { 153, "FeelingCaredFor", "Medium", "Which of your family's ways of caring for each other would you like us to keep?" },
                    { 154, "FeelingCaredFor", "Medium", "What kind of help from me feels like care, and what kind feels like pressure?" },
                    { 155, "FeelingCaredFor", "Medium", "When you're disappointed about something, what's the kindest thing I can say?" },
                    { 156, "FeelingCaredFor", "Medium", "What's something you do for me that you'd like me to do for you too?" },
                    { 157, "FeelingCaredFor", "Deep", "When have you felt most alone in our relationship, and what would have reached you then?" },
                    { 158, "FeelingCaredFor", "Deep", "What part of you do you worry is too much for me, and what would you like to hear about it?" },
                    { 159, "FeelingCaredFor", "Deep", "What does it feel like when I take care of you well, in your own words?" },
                    { 160, "FeelingCaredFor", "Deep", "What's one way of being cared for that you never had and would like to learn to accept from me?" },
                    { 161, "FeelingCaredFor", "Deep", "When you imagine me looking after you when we're old, what do you picture?" },
                    { 162, "Appreciation", "Light", "What's one thing I cooked, fixed, or sorted out recently that you were glad about?" },
                    { 163, "Appreciation", "Light", "Which of my silly habits would you defend to anyone?" },
                    { 164, "Appreciation", "Light", "What's something I do with our friends or family that makes you proud to be with me?" },
                    { 165, "Appreciation", "Light", "What's one of my expressions or sayings you've started using yourself?" },
                    { 166, "Appreciation", "Light", "What's a way I make ordinary errands more fun?" },
                    { 167, "Appreciation", "Light", "When did I make a boring day better just by being there?" },
                    { 168, "Appreciation", "Light", "What's something I'm patient about that you admire?" },
                    { 169, "Appreciation", "Light", "Which of my talents would you show off to a stranger?" },
                    { 170, "Appreciation", "Light", "What's one thing about my laugh, my voice, or my face you like seeing first thing?" },
                    { 171, "Appreciation", "Light", "What's a tiny detail about how I look after our home that you appreciate?" },
                    { 172, "Appreciation", "Light", "What's something I did for someone else recently that you noticed and liked?" },
                    { 173, "Appreciation", "Light", "What's a way I made a stressful day lighter for you recently?" },
                    { 174, "Appreciation", "Medium", "What's one thing I've taught you without meaning to?" },
                    { 175, "Appreciation", "Medium", "What's a hard thing I did this year that you think I should feel proud of?" },
                    { 176, "Appreciation", "Medium", "Which of my opinions changed how you see something?" },
                    { 177, "Appreciation", "Medium", "What's a way I've stood up for you that you still remember?" },
                    { 178, "Appreciation", "Medium", "What do you think I'm better at than I give myself credit for?" },
                    { 179, "Appreciation", "Medium", "What's a sacrifice I made for us that you saw, even if I never mentioned it?" },
                    { 180, "Appreciation", "Medium", "Which of my values do you most hope we pass on to the people around us?" },
                    { 181, "Appreciation", "Medium", "What do your friends like about me that you agree with?" },
                    { 182, "Appreciation", "Deep", "What's something I do that makes you feel lucky, and when did you first notice it?" },
                    { 183, "Appreciation", "Deep", "If you wrote me a short letter of thanks for this year, what would the first line say?" },
                    { 184, "Appreciation", "Deep", "What about me has quietly changed your life for the better?" },
                    { 185, "Appreciation", "Deep", "Which of my flaws have you come to love, and why?" },
                    { 186, "Appreciation", "Deep", "What do you admire about how I've handled something painful in my life?" },
                    { 187, "Needs", "Light", "What would make our weekday evenings feel more like ours?" },
                    { 188, "Needs", "Light", "Which would feel better this week: more time out together, or more time in?" },
                    { 189, "Needs", "Light", "What's one small thing in our home that would make your days run more smoothly?" },
                    { 190, "Needs", "Light", "How do you like me to greet you when we've been apart all day?" },
                    { 191, "Needs", "Light", "What's your ideal amount of plans for this coming weekend?" },
                    { 192, "Needs", "Light", "What's one thing I could say more often that you'd love to hear?" },
                    { 193, "Needs", "Light", "When you need quiet, how would you like to tell me without it feeling awkward?" },
                    { 194, "Needs", "Light", "What's a little ritual of ours you'd like to protect, even on busy days?" },
                    { 195, "Needs", "Light", "What's one thing you'd like us to do less of this month?" },
                    { 196, "Needs", "Light", "How can I best support you before a big day at work?" },
                    { 197, "Needs", "Light", "What would make bedtime feel more relaxing for you?" },
                    { 198, "Needs", "Light", "What would a perfect Saturday morning with me look like this week?" },
                    { 199, "Needs", "Medium", "What's a way we split things at home that you'd like to rethink together?" },
                    { 200, "Needs", "Medium", "When you feel low on energy, how would you like me to notice without making a fuss?" },
                    { 201, "Needs", "Medium", "What do you need from me when you're trying to make a hard decision?" },
                    { 202, "Needs", "Medium", "What's something you need more of from life in general right now, and how could I help make room for it?" },
                    { 203, "Needs", "Medium", "Which of my habits makes it harder for you to relax, and what would help?" },
                    { 204, "Needs", "Medium", "What do you need to feel like we're still a team during a stressful month?" },
                    { 205, "Needs", "Medium", "What's a kind of reassurance from me that you never get tired of?" },
                    { 206, "Needs", "Medium", "How do you like to be asked for help, so that saying yes or no both feel fine?" },
                    { 207, "Needs", "Deep", "What's a need you've talked yourself out of because you thought it was too much?" },
                    { 208, "Needs", "Deep", "When you feel distant from me, what's usually missing?" },
                    { 209, "Needs", "Deep", "What would you like me to understand about how you need to be loved that I haven't quite got yet?" },
                    { 210, "Needs", "Deep", "What do you need from me when you're angry, even if it's hard to ask for in the moment?" },
                    { 211, "Needs", "Deep", "What's something from your past that shapes what you need from me now?" },
                    { 212, "Memories", "Light", "What's a song from one of our early dates that you still connect with us?" },
                    { 213, "Memories", "Light", "What's the best present I ever gave you, big or small?" },
                    { 214, "Memories", "Light", "What's a time we got completely lost, and how did it turn out?" },
                    { 215, "Memories", "Light", "What do you remember about the first time you met my friends or family?" },
                    { 216, "Memories", "Light", "What's the best weather we ever had on a day out together?" },
                    { 217, "Memories", "Light", "Which of our holidays or days away had the funniest mishap?" },
                    { 218, "Memories", "Light", "What did we do on our first proper weekend together?" },
                    { 219, "Memories", "Light", "What's a message from me you've kept or reread?" },
                    { 220, "Memories", "Light", "What's the cosiest evening we've ever spent at home?" },
                    { 221, "Memories", "Light", "What's a time we laughed so hard we couldn't stop?" },
                    { 222, "Memories", "Light", "What's the first meal you remember me cooking for you?" },
                    { 223, "Memories", "Light", "What's a small thing from our first month together that you've never told me you noticed?" },
                    { 224, "Memories", "Medium", "What's a moment you realized you'd started to fall for me?" },
                    { 225, "Memories", "Medium", "What's a time we surprised each other by how well we handled something?" },
                    { 226, "Memories", "Medium", "Which of our old arguments do you laugh about now?" },
                    { 227, "Memories", "Medium", "What's a moment from our first year that you'd love to relive exactly as it was?" },
                    { 228, "Memories", "Medium", "What's something we used to do all the time that slipped away?" },
                    { 229, "Memories", "Medium", "What's a time I surprised you by being braver than you expected?" },
                    { 230, "Memories", "Medium", "What do you remember about the first home we shared, or the first place we stayed together?" },
                    { 231, "Memories", "Medium", "Which ordinary day together turned out to matter more than we knew at the time?" },
                    { 232, "Memories", "Deep", "What's a moment when you almost didn't tell me how you felt, and what made you say it?" },
                    { 233, "Memories", "Deep", "What's a memory of us that still makes your chest feel warm when you think of it?" },
                    { 234, "Memories", "Deep", "Which moment in our story would you want someone to know about if they wanted to understand us?" },
                    { 235, "Memories", "Deep", "When did you first feel at home with me, wherever we were?" },
                    { 236, "Memories", "Deep", "What's a loss or sad time we went through together that you think about still?" },
                    { 237, "DreamsAndGoals", "Light", "What's a city you'd like to wander around with me for a weekend?" },
                    { 238, "DreamsAndGoals", "Light", "What's one thing you'd like to cook or bake for the first time this year?" },
                    { 239, "DreamsAndGoals", "Light", "If we had a garden, or a bigger one, what would you grow in it?" },
                    { 240, "DreamsAndGoals", "Light", "What's a concert, match, or show you'd love us to go to together?" },
                    { 241, "DreamsAndGoals", "Light", "What's a class we could take together just for fun?" },
                    { 242, "DreamsAndGoals", "Light", "What's a small luxury you'd like us to save up for?" },
                    { 243, "DreamsAndGoals", "Light", "What would your perfect lazy Sunday look like a year from now?" },
                    { 244, "DreamsAndGoals", "Light", "What's a room in our home you'd love to change, and how?" },
                    { 245, "DreamsAndGoals", "Light", "What's a sunrise or sunset spot you'd like to see with me?" },
                    { 246, "DreamsAndGoals", "Light", "What's a tradition you'd like us to start this coming season?" },
                    { 247, "DreamsAndGoals", "Light", "If we took a month off together, where would we go first?" },
                    { 248, "DreamsAndGoals", "Medium", "What's something you want to be brave about this year, and how can I back you?" },
                    { 249, "DreamsAndGoals", "Medium", "Which of our shared goals feels closest right now, and which feels furthest away?" },
                    { 250, "DreamsAndGoals", "Medium", "What's a way you'd like to grow as a partner over the next year?" },
                    { 251, "DreamsAndGoals", "Medium", "What's a dream from when you were a child that still tugs at you?" },
                    { 252, "DreamsAndGoals", "Medium", "What would you like our home to feel like when people visit?" },
                    { 253, "DreamsAndGoals", "Medium", "How would you like us to celebrate the next big milestone in our lives?" },
                    { 254, "DreamsAndGoals", "Medium", "What's something you'd like us to learn about money, time, or planning together?" },
                    { 255, "DreamsAndGoals", "Medium", "What would you want to keep exactly the same about our life in five years?" },
                    { 256, "DreamsAndGoals", "Medium", "What's one thing you'd love us to have done together by this time next year?" },
                    { 257, "DreamsAndGoals", "Deep", "What would you regret not doing with me if our time ran short?" },
                    { 258, "DreamsAndGoals", "Deep", "What do you hope people will say about our love when we're very old?" },
                    { 259, "DreamsAndGoals", "Deep", "What's a dream you're afraid to want, and what would it mean to you if it came true?" },
                    { 260, "DreamsAndGoals", "Deep", "What kind of person do you hope I become over the years, and how can you help?" },
                    { 261, "DreamsAndGoals", "Deep", "What's a future for us that you picture when you can't sleep?" },
                    { 262, "HighsAndLows", "Light", "What's one thing you ate today that you'd happily eat again tomorrow?" },
                    { 263, "HighsAndLows", "Light", "What's a small win from today that nobody else noticed?" },
                    { 264, "HighsAndLows", "Light", "What's something you saw on your way somewhere today that caught your eye?" },
                    { 265, "HighsAndLows", "Light", "What was the most useful thing you did today?" },
                    { 266, "HighsAndLows", "Light", "What's one thing you're looking forward to tomorrow?" },
                    { 267, "HighsAndLows", "Light", "Who made you laugh today, apart from me?" },
                    { 268, "HighsAndLows", "Light", "What's a sound or smell from today you enjoyed?" },
                    { 269, "HighsAndLows", "Light", "What did you learn today, even something tiny?" },
                    { 270, "HighsAndLows", "Light", "What's one thing today that felt easier than usual?" },
                    { 271, "HighsAndLows", "Light", "What would you give today out of ten, and what earned it that score?" },
                    { 272, "HighsAndLows", "Light", "What's the best conversation you had today?" },
                    { 273, "HighsAndLows", "Light", "What's the nicest thing anyone said to you today?" },
                    { 274, "HighsAndLows", "Medium", "What's something today that you'd like to do differently tomorrow?" },
                    { 275, "HighsAndLows", "Medium", "What's a moment today you felt proud of yourself?" },
                    { 276, "HighsAndLows", "Medium", "What did you need today that you didn't get?" },
                    { 277, "HighsAndLows", "Medium", "What's one thing you were dreading that turned out fine?" },
                    { 278, "HighsAndLows", "Medium", "Was there a moment today you wanted to text me but didn't? What was it about?" },
                    { 279, "HighsAndLows", "Medium", "What's something someone said today that's still on your mind?" },
                    { 280, "HighsAndLows", "Medium", "How did your body feel today: rested, tense, or somewhere in between?" },
                    { 281, "HighsAndLows", "Medium", "What's one thing from today you'd like to let go of before bed?" },
                    { 282, "HighsAndLows", "Deep", "What's a feeling from today that you haven't quite found the words for yet?" },
                    { 283, "HighsAndLows", "Deep", "When did you feel most like yourself today, and when least?" },
                    { 284, "HighsAndLows", "Deep", "What's something today reminded you of from a harder time?" },
                    { 285, "HighsAndLows", "Deep", "What's a fear that showed up today, and how loud was it?" },
                    { 286, "HighsAndLows", "Deep", "If today had a lesson in it for us as a couple, what would it be?" },
                    { 287, "Fun", "Light", "Which animal do you think I'd be, and why?" },
                    { 288, "Fun", "Light", "What's the most ridiculous thing you'd do if no one would ever find out?" },
                    { 289, "Fun", "Light", "If we opened a tiny shop together, what would it sell?" },
                    { 290, "Fun", "Light", "What's a snack combination you'd defend to the end?" },
                    { 291, "Fun", "Light", "If we had to pick a couple's costume for a party, what would we go as?" },
                    { 292, "Fun", "Light", "What would you name a boat, a band, or a pet if we got one together?" },
                    { 293, "Fun", "Light", "What's a film you'd make me watch on a rainy Sunday?" },
                    { 294, "Fun", "Light", "If you could master one ridiculous skill overnight, what would it be?" },
                    { 295, "Fun", "Light", "What's the best board game, card game, or video game to play as a pair?" },
                    { 296, "Fun", "Light", "Which decade would you like us to time-travel to for one evening?" },
                    { 297, "Fun", "Light", "What's a dance move you'd teach me if I promised not to laugh?" },
                    { 298, "Fun", "Light", "What's a terrible joke of mine you secretly enjoy hearing again?" },
                    { 299, "Fun", "Medium", "What's a childhood game you'd still play with me today?" },
                    { 300, "Fun", "Medium", "What's a daft dare you'd like us to try this month?" },
                    { 301, "Fun", "Medium", "If we wrote a silly rule book for our house, what's rule number one?" },
                    { 302, "Fun", "Medium", "What's a prank you'd love to play on me that I'd actually find funny?" },
                    { 303, "Fun", "Medium", "What's a playful way to make a chore we both hate more fun?" },
                    { 304, "Fun", "Medium", "If you planned a surprise mini-adventure for me, where would you take me?" },
                    { 305, "Fun", "Medium", "What's the most fun you've ever had with me doing something free?" },
                    { 306, "Fun", "Medium", "What's a hobby we'd both be terrible at that we should try anyway?" },
                    { 307, "Fun", "Deep", "When did you last laugh so much with me that you forgot everything else?" },
                    { 308, "Fun", "Deep", "What's something playful from your childhood you'd like to get back, with me?" },
                    { 309, "Fun", "Deep", "What does being silly together give you that nothing else does?" },
                    { 310, "Fun", "Deep", "When does play between us feel like the closest we are?" },
                    { 311, "Fun", "Deep", "What would make our home feel like more fun to come back to?" },
                    { 312, "Repair", "Light", "What's one phrase that helps you feel calmer when we start to bicker?" },
                    { 313, "Repair", "Light", "What's a snack, walk, or cuppa that helps us reset after a grumpy moment?" },
                    { 314, "Repair", "Light", "How do you like me to say sorry for small things, like forgetting something?" },
                    { 315, "Repair", "Light", "When I'm tired and short with you, what's a gentle way to point it out?" },
                    { 316, "Repair", "Light", "What's a signal we could use to say, let's start this conversation again?" },
                    { 317, "Repair", "Light", "What's one thing I do after a disagreement that makes you smile again?" },
                    { 318, "Repair", "Light", "What's a topic we could talk about more gently if we picked a better time of day?" },
                    { 319, "Repair", "Light", "Which time of day is worst for serious talks with you, and which is best?" },
                    { 320, "Repair", "Light", "What's a kind way to tell you that you've hurt my feelings a little?" },
                    { 321, "Repair", "Light", "When we've both been grumpy, what's the fastest way back to each other?" },
                    { 322, "Repair", "Light", "What's one thing you'd like us to agree never to do in an argument?" },
                    { 323, "Repair", "Medium", "What's a pattern in our disagreements you'd like us to change together?" },
                    { 324, "Repair", "Medium", "When I get defensive, what helps you keep talking to me?" },
                    { 325, "Repair", "Medium", "What's something I said in an argument that stuck with you, for good or bad?" },
                    { 326, "Repair", "Medium", "What's a small promise we could make to each other about how we argue?" },
                    { 327, "Repair", "Medium", "How can I tell the difference between you needing space and you needing me to stay?" },
                    { 328, "Repair", "Medium", "What helps you forgive me after I've let you down a little?" },
                    { 329, "Repair", "Medium", "What's a recurring disagreement you'd like to understand better rather than win?" },
                    { 330, "Repair", "Medium", "How do you like to be reassured after we've had a hard talk?" },
                    { 331, "Repair", "Medium", "What's one thing you'd like me to remember next time we disagree about the same old thing?" },
                    { 332, "Repair", "Deep", "What's a hurt between us that you'd like to finally put down, and what would help you do it?" },
                    { 333, "Repair", "Deep", "What makes it hard for you to say sorry, and how could I make it easier?" },
                    { 334, "Repair", "Deep", "When an argument reminds you of something older than us, how can I tell?" },
                    { 335, "Repair", "Deep", "What does real repair feel like to you, after the words are said?" },
                    { 336, "Repair", "Deep", "What would help you trust that a hard conversation won't break us?" },
                    { 337, "Intimacy", "Light", "What's your favorite way for me to greet you with a touch?" },
                    { 338, "Intimacy", "Light", "Where's the spot on the sofa, in bed, or anywhere else, where you feel closest to me?" },
                    { 339, "Intimacy", "Light", "What's a small physical gesture of mine that makes you feel wanted?" },
                    { 340, "Intimacy", "Light", "What's one thing I wear that you secretly love on me?" },
                    { 341, "Intimacy", "Light", "What's your favorite way to fall asleep next to me?" },
                    { 342, "Intimacy", "Light", "What's a compliment about how I look that you'd like to hear more often?" },
                    { 343, "Intimacy", "Light", "What's a kiss of ours you still remember, and where were we?" },
                    { 344, "Intimacy", "Light", "Which is better: a long hug or a surprise kiss, and why?" },
                    { 345, "Intimacy", "Light", "What's a romantic thing we used to do that you'd like to bring back?" },
                    { 346, "Intimacy", "Light", "When do you most enjoy holding hands with me?" },
                    { 347, "Intimacy", "Light", "What's a way I could flirt with you during an ordinary week?" },
                    { 348, "Intimacy", "Light", "What's a song that puts you in the mood for slow dancing with me?" },
                    { 349, "Intimacy", "Light", "What's a place we've been where you'd love to steal a kiss again?" },
                    { 350, "Intimacy", "Light", "What's a cozy evening routine that makes you feel close to me before sleep?" },
                    { 351, "Intimacy", "Medium", "When do you feel most attractive around me?" },
                    { 352, "Intimacy", "Medium", "What helps you feel close to me after a day when we've barely seen each other?" },
                    { 353, "Intimacy", "Medium", "What's something about the way I touch you that you'd like more of?" },
                    { 354, "Intimacy", "Medium", "What gets in the way of feeling close to me when life is busy?" },
                    { 355, "Intimacy", "Medium", "What makes a night together feel romantic to you, beyond the obvious?" },
                    { 356, "Intimacy", "Medium", "How can I let you know I want to be close without it feeling like pressure?" },
                    { 357, "Intimacy", "Medium", "What's a kind of closeness you'd like us to have more of: talking late, cuddling, or something else?" },
                    { 358, "Intimacy", "Medium", "What makes you feel desired by me, in small everyday ways?" },
                    { 359, "Intimacy", "Medium", "What's a new way of being close you'd be curious to try together?" },
                    { 360, "Intimacy", "Medium", "How can we make more unhurried time for each other, just the two of us?" },
                    { 361, "Intimacy", "Medium", "What's a message I could send you during the day that would make you look forward to seeing me?" },
                    { 362, "Intimacy", "Deep", "What makes it easier for you to tell me what you want, and what makes it harder?" },
                    { 363, "Intimacy", "Deep", "When have you felt closest to me, body and heart together?" },
                    { 364, "Intimacy", "Deep", "What's something about intimacy you find hard to talk about, and how could I make it safer?" },
                    { 365, "Intimacy", "Deep", "What does feeling truly wanted by me look like to you?" },
                    { 366, "Intimacy", "Deep", "How has the way we're close to each other changed over time, and what do you miss or prefer now?" },
                    { 367, "Intimacy", "Deep", "What would you like me to understand about your body on days when you don't feel your best?" },
                    { 368, "Intimacy", "Deep", "When you feel far from me physically, what usually helps bring us back together?" },
                    { 369, "Intimacy", "Deep", "What's one thing you'd like me to ask you about our closeness that I haven't asked yet?" },
                    { 370, "Intimacy", "Deep", "What does trust feel like in your body when you're with me?" }
                });

            migrationBuilder.CreateIndex(
                name: "ix_daily_questions_swapped_question_id",
                table: "daily_questions",
                column: "swapped_question_id");

            migrationBuilder.AddForeignKey(
                name: "fk_daily_questions_questions_swapped_question_id",
                table: "daily_questions",
                column: "swapped_question_id",
                principalTable: "questions",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_daily_questions_questions_swapped_question_id",
                table: "daily_questions");

            migrationBuilder.DropIndex(
                name: "ix_daily_questions_swapped_question_id",
                table: "daily_questions");

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 137);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 138);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 139);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 140);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 141);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 142);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 143);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 144);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 145);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 146);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 147);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 148);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 149);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 150);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 151);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 152);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 153);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 154);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 155);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 156);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 157);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 158);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 159);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 160);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 161);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 162);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 163);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 164);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 165);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 166);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 167);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 168);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 169);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 170);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 171);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 172);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 173);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 174);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 175);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 176);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 177);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 178);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 179);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 180);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 181);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 182);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 183);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 184);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 185);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 186);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 187);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 188);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 189);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 190);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 191);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 192);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 193);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 194);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 195);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 196);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 197);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 198);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 199);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 200);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 201);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 202);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 203);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 204);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 205);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 206);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 207);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 208);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 209);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 210);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 211);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 212);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 213);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 214);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 215);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 216);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 217);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 218);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 219);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 220);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 221);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 222);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 223);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 224);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 225);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 226);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 227);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 228);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 229);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 230);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 231);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 232);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 233);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 234);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 235);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 236);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 237);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 238);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 239);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 240);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 241);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 242);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 243);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 244);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 245);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 246);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 247);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 248);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 249);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 250);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 251);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 252);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 253);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 254);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 255);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 256);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 257);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 258);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 259);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 260);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 261);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 262);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 263);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 264);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 265);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 266);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 267);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 268);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 269);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 270);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 271);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 272);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 273);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 274);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 275);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 276);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 277);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 278);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 279);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 280);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 281);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 282);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 283);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 284);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 285);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 286);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 287);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 288);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 289);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 290);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 291);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 292);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 293);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 294);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 295);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 296);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 297);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 298);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 299);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 300);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 301);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 302);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 303);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 304);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 305);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 306);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 307);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 308);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 309);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 310);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 311);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 312);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 313);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 314);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 315);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 316);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 317);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 318);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 319);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 320);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 321);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 322);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 323);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 324);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 325);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 326);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 327);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 328);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 329);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 330);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 331);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 332);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 333);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 334);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 335);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 336);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 337);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 338);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 339);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 340);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 341);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 342);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 343);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 344);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 345);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 346);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 347);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 348);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 349);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 350);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 351);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 352);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 353);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 354);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 355);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 356);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 357);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 358);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 359);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 360);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 361);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 362);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 363);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 364);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 365);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 366);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 367);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 368);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 369);

            migrationBuilder.DeleteData(
                table: "questions",
                keyColumn: "id",
                keyValue: 370);

            migrationBuilder.DropColumn(
                name: "swapped_question_id",
                table: "daily_questions");

            migrationBuilder.DropColumn(
                name: "topics",
                table: "check_in_preferences");
        }
    }
}
