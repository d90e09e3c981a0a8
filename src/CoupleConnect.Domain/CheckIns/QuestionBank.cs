namespace CoupleConnect.Domain.CheckIns;

/// <summary>
/// The bank of daily check-in questions, written for one partner to answer about the other.
/// Every question is specific and concrete, answerable in a few sentences on a phone, and kind:
/// needs are framed as what helps, and repair questions look for what works rather than what went wrong.
/// Ids are stable because stored check-ins refer to them: never renumber a question or reuse an id.
/// Every question carries a topic (its category) and a depth, so couples can choose what they're asked.
/// </summary>
public static partial class QuestionBank
{
    public static IReadOnlyList<Question> All { get; } = [.. FirstQuestions(), .. YearOfQuestions()];

    /// <summary>Questions 1 to 136, the bank CoupleConnect started with.</summary>
    private static Question[] FirstQuestions() =>
    [
        // Feeling cared for
        new(1, "Today, when was a moment you felt looked after by me, even briefly?", QuestionCategory.FeelingCaredFor, QuestionDepth.Light),
        new(2, "What's one small thing I could do tomorrow that would make your day easier?", QuestionCategory.FeelingCaredFor, QuestionDepth.Light),
        new(3, "What kind of message from me during the day makes you feel thought of?", QuestionCategory.FeelingCaredFor, QuestionDepth.Light),
        new(4, "What's a small gesture of mine that tells you I've been listening?", QuestionCategory.FeelingCaredFor, QuestionDepth.Light),
        new(5, "When this week did you feel like I had your back?", QuestionCategory.FeelingCaredFor, QuestionDepth.Light),
        new(6, "What's one way I could show I'm thinking of you on a day we spend apart?", QuestionCategory.FeelingCaredFor, QuestionDepth.Light),
        new(7, "What's a comforting thing I do when you're tired or worn out?", QuestionCategory.FeelingCaredFor, QuestionDepth.Light),
        new(8, "What's one little kindness from me that would brighten a gray day for you?", QuestionCategory.FeelingCaredFor, QuestionDepth.Light),
        new(9, "When you're stressed, what helps most from me: listening, practical help, or some space? What does that look like?", QuestionCategory.FeelingCaredFor, QuestionDepth.Medium),
        new(10, "What's something I did once that made you feel truly understood?", QuestionCategory.FeelingCaredFor, QuestionDepth.Medium),
        new(11, "How can you tell when I'm really paying attention to you, and not just half-listening?", QuestionCategory.FeelingCaredFor, QuestionDepth.Medium),
        new(12, "What's a way of showing care you learned growing up that I might not recognize when you do it?", QuestionCategory.FeelingCaredFor, QuestionDepth.Medium),
        new(13, "When you're unwell or low, what does being looked after by me ideally look like?", QuestionCategory.FeelingCaredFor, QuestionDepth.Medium),
        new(14, "Which kind of affection from me, such as holding hands or a hug, feels most comforting to you lately, if any?", QuestionCategory.FeelingCaredFor, QuestionDepth.Medium),
        new(15, "Think of a time you needed care and didn't ask for it. What would have made it easier to ask me?", QuestionCategory.FeelingCaredFor, QuestionDepth.Deep),
        new(16, "What do you most need to hear from me when you're doubting yourself?", QuestionCategory.FeelingCaredFor, QuestionDepth.Deep),
        new(17, "What makes it hard sometimes to let me take care of you, and what would make it feel safer?", QuestionCategory.FeelingCaredFor, QuestionDepth.Deep),

        // Appreciation
        new(18, "What's one thing I did today, however small, that you appreciated?", QuestionCategory.Appreciation, QuestionDepth.Light),
        new(19, "Which of my habits quietly makes your life a little better?", QuestionCategory.Appreciation, QuestionDepth.Light),
        new(20, "What's something I said recently that stayed with you in a good way?", QuestionCategory.Appreciation, QuestionDepth.Light),
        new(21, "What's one small effort of mine this week that you noticed but didn't mention?", QuestionCategory.Appreciation, QuestionDepth.Light),
        new(22, "Which of my quirks do you secretly like?", QuestionCategory.Appreciation, QuestionDepth.Light),
        new(23, "What's one thing I'm good at that you're glad to have in your life?", QuestionCategory.Appreciation, QuestionDepth.Light),
        new(24, "When did I make you smile this week, and what did I do?", QuestionCategory.Appreciation, QuestionDepth.Light),
        new(25, "What's one everyday thing I do that you'd miss if I stopped?", QuestionCategory.Appreciation, QuestionDepth.Light),
        new(26, "What's a quality of mine you've come to value more over time?", QuestionCategory.Appreciation, QuestionDepth.Medium),
        new(27, "When have you felt proud of me lately, and what was I doing?", QuestionCategory.Appreciation, QuestionDepth.Medium),
        new(28, "What's one way I've grown since we met that you appreciate?", QuestionCategory.Appreciation, QuestionDepth.Medium),
        new(29, "What's something I do for us that you think deserves more thanks than it gets?", QuestionCategory.Appreciation, QuestionDepth.Medium),
        new(30, "Which of my strengths has helped us through a hard stretch?", QuestionCategory.Appreciation, QuestionDepth.Medium),
        new(31, "What's one thing about how I treat other people that you admire?", QuestionCategory.Appreciation, QuestionDepth.Medium),
        new(32, "What's something about me you've valued for a long time but never quite found the words to say?", QuestionCategory.Appreciation, QuestionDepth.Deep),
        new(33, "When you think about why you chose to be with me, what still feels true today?", QuestionCategory.Appreciation, QuestionDepth.Deep),
        new(34, "What part of who I am do you hope never changes, and why?", QuestionCategory.Appreciation, QuestionDepth.Deep),

        // Needs
        new(35, "How would you finish the sentence \"I feel closer to you when we...\"?", QuestionCategory.Needs, QuestionDepth.Light),
        new(36, "What's one thing that helps you unwind around me at the end of a long day?", QuestionCategory.Needs, QuestionDepth.Light),
        new(37, "What would a perfect ten minutes together look like for you this week?", QuestionCategory.Needs, QuestionDepth.Light),
        new(38, "How much time to yourself feels right this week, and how can I help you get it?", QuestionCategory.Needs, QuestionDepth.Light),
        new(39, "What's a simple routine we share that helps you feel steady?", QuestionCategory.Needs, QuestionDepth.Light),
        new(40, "What kind of check-in from me during a busy week helps you feel connected?", QuestionCategory.Needs, QuestionDepth.Light),
        new(41, "Which helps you feel heard more right now: me asking questions, or me just listening?", QuestionCategory.Needs, QuestionDepth.Light),
        new(42, "What's one small thing you'd like more of from me this week?", QuestionCategory.Needs, QuestionDepth.Light),
        new(43, "How would you finish the sentence \"I feel steadier in us when we...\"?", QuestionCategory.Needs, QuestionDepth.Medium),
        new(44, "What's a need of yours that has changed over the years, and how can I keep up with it?", QuestionCategory.Needs, QuestionDepth.Medium),
        new(45, "When you ask me for something, what kind of response makes it feel easy to ask again?", QuestionCategory.Needs, QuestionDepth.Medium),
        new(46, "What's one thing you'd love more of in our relationship right now that would feel like a gift?", QuestionCategory.Needs, QuestionDepth.Medium),
        new(47, "What helps you feel like an equal partner when we make decisions together?", QuestionCategory.Needs, QuestionDepth.Medium),
        new(48, "What's a boundary that matters to you, and how can I help you keep it?", QuestionCategory.Needs, QuestionDepth.Medium),
        new(49, "What's a need you've hesitated to mention, and what would make it feel safe to share with me?", QuestionCategory.Needs, QuestionDepth.Deep),
        new(50, "What does feeling truly safe with me look like for you, in everyday terms?", QuestionCategory.Needs, QuestionDepth.Deep),
        new(51, "If you could ask me for one thing that would help you feel more loved this month, what would it be?", QuestionCategory.Needs, QuestionDepth.Deep),

        // Memories
        new(52, "Which memory of us do you return to when you need cheering up?", QuestionCategory.Memories, QuestionDepth.Light),
        new(53, "What's the first thing you remember noticing about me?", QuestionCategory.Memories, QuestionDepth.Light),
        new(54, "What's a meal we shared that you still think about?", QuestionCategory.Memories, QuestionDepth.Light),
        new(55, "Which trip, outing, or ordinary afternoon with me would you happily live again?", QuestionCategory.Memories, QuestionDepth.Light),
        new(56, "What's a song, smell, or place that instantly reminds you of us?", QuestionCategory.Memories, QuestionDepth.Light),
        new(57, "What's the funniest thing that has happened to us together?", QuestionCategory.Memories, QuestionDepth.Light),
        new(58, "What's a photo of us you love, and what was happening just outside the frame?", QuestionCategory.Memories, QuestionDepth.Light),
        new(59, "What's a small, ordinary moment with me from this past month that you'd like to remember?", QuestionCategory.Memories, QuestionDepth.Light),
        new(60, "When did you first realize you could really count on me?", QuestionCategory.Memories, QuestionDepth.Medium),
        new(61, "What's a challenge we got through together that you're proud of?", QuestionCategory.Memories, QuestionDepth.Medium),
        new(62, "What's a habit or little tradition of ours that started by accident?", QuestionCategory.Memories, QuestionDepth.Medium),
        new(63, "What did you learn about me early on that surprised you?", QuestionCategory.Memories, QuestionDepth.Medium),
        new(64, "What's a place that holds a special memory of us, and what happened there?", QuestionCategory.Memories, QuestionDepth.Medium),
        new(65, "When did you feel we were a real team, and what made it work?", QuestionCategory.Memories, QuestionDepth.Medium),
        new(66, "What moment with me made you feel most loved, and why did it mean so much?", QuestionCategory.Memories, QuestionDepth.Deep),
        new(67, "Looking back, which hard time do you think brought us closer in the end, and how?", QuestionCategory.Memories, QuestionDepth.Deep),
        new(68, "What memory of us do you hope we'll still be telling each other about years from now?", QuestionCategory.Memories, QuestionDepth.Deep),

        // Dreams and goals
        new(69, "If we had a free day with no obligations, how would you want to spend it together?", QuestionCategory.DreamsAndGoals, QuestionDepth.Light),
        new(70, "What's a place you'd love for us to visit someday?", QuestionCategory.DreamsAndGoals, QuestionDepth.Light),
        new(71, "What's something new you'd like us to try together this month?", QuestionCategory.DreamsAndGoals, QuestionDepth.Light),
        new(72, "What's a skill you'd like to learn this year, and how could I cheer you on?", QuestionCategory.DreamsAndGoals, QuestionDepth.Light),
        new(73, "What's one small goal you have for this week that I could help with?", QuestionCategory.DreamsAndGoals, QuestionDepth.Light),
        new(74, "What's an experience you'd love for us to share in the next twelve months?", QuestionCategory.DreamsAndGoals, QuestionDepth.Light),
        new(75, "What's something coming up that you're looking forward to, and why?", QuestionCategory.DreamsAndGoals, QuestionDepth.Light),
        new(76, "If we started a small project together, what would you want it to be?", QuestionCategory.DreamsAndGoals, QuestionDepth.Light),
        new(77, "What's a personal dream of yours that I might not know much about?", QuestionCategory.DreamsAndGoals, QuestionDepth.Medium),
        new(78, "How could we make a little more room for your own interests in our week?", QuestionCategory.DreamsAndGoals, QuestionDepth.Medium),
        new(79, "What would a good year for us look like, one year from today?", QuestionCategory.DreamsAndGoals, QuestionDepth.Medium),
        new(80, "Which of my goals are you most excited to support, and why?", QuestionCategory.DreamsAndGoals, QuestionDepth.Medium),
        new(81, "What's one habit you'd like us to build together over the next few months?", QuestionCategory.DreamsAndGoals, QuestionDepth.Medium),
        new(82, "What's a dream you set aside that you might want to pick up again?", QuestionCategory.DreamsAndGoals, QuestionDepth.Medium),
        new(83, "In a few sentences, what kind of life do you hope we'll be living ten years from now?", QuestionCategory.DreamsAndGoals, QuestionDepth.Deep),
        new(84, "What do you hope our relationship will be known for, by us and by the people close to us?", QuestionCategory.DreamsAndGoals, QuestionDepth.Deep),
        new(85, "What fear sometimes holds you back from chasing a dream, and how could I support you with it?", QuestionCategory.DreamsAndGoals, QuestionDepth.Deep),

        // Daily highs and lows
        new(86, "What was the best part of your day today, even if it was tiny?", QuestionCategory.HighsAndLows, QuestionDepth.Light),
        new(87, "What made you laugh or smile today?", QuestionCategory.HighsAndLows, QuestionDepth.Light),
        new(88, "What's one thing today that went better than you expected?", QuestionCategory.HighsAndLows, QuestionDepth.Light),
        new(89, "Who did you share a good moment with today, and what happened?", QuestionCategory.HighsAndLows, QuestionDepth.Light),
        new(90, "What's one thing from today you'd like to tell me more about?", QuestionCategory.HighsAndLows, QuestionDepth.Light),
        new(91, "What was a kind thing someone did for you today, or that you did for someone else?", QuestionCategory.HighsAndLows, QuestionDepth.Light),
        new(92, "What's one thing you did today that you're quietly pleased about?", QuestionCategory.HighsAndLows, QuestionDepth.Light),
        new(93, "What was the most peaceful moment of your day today?", QuestionCategory.HighsAndLows, QuestionDepth.Light),
        new(94, "What was the hardest moment of your day today, and how do you feel about it now?", QuestionCategory.HighsAndLows, QuestionDepth.Medium),
        new(95, "What drained your energy today, and what gave some of it back?", QuestionCategory.HighsAndLows, QuestionDepth.Medium),
        new(96, "Was there a moment today when you wished I'd been there with you? What was happening?", QuestionCategory.HighsAndLows, QuestionDepth.Medium),
        new(97, "What's one worry from today you'd like to set down before you sleep tonight?", QuestionCategory.HighsAndLows, QuestionDepth.Medium),
        new(98, "What surprised you about how you handled something today?", QuestionCategory.HighsAndLows, QuestionDepth.Medium),
        new(99, "What's one high and one low from today that you'd like me to know about?", QuestionCategory.HighsAndLows, QuestionDepth.Medium),
        new(100, "What did today stir up in you that you haven't said out loud yet?", QuestionCategory.HighsAndLows, QuestionDepth.Deep),
        new(101, "Was there a moment today when you felt unseen or overlooked, and what would have helped?", QuestionCategory.HighsAndLows, QuestionDepth.Deep),
        new(102, "What's weighing on your heart today that you'd like me to simply hear, without trying to fix?", QuestionCategory.HighsAndLows, QuestionDepth.Deep),

        // Fun
        new(103, "If we could swap lives for a day, what's the first thing you'd do as me?", QuestionCategory.Fun, QuestionDepth.Light),
        new(104, "What's a silly nickname you'd give me today, and why?", QuestionCategory.Fun, QuestionDepth.Light),
        new(105, "If our relationship had a theme song right now, what would it be?", QuestionCategory.Fun, QuestionDepth.Light),
        new(106, "What's a game, puzzle, or challenge you'd love to play with me this week?", QuestionCategory.Fun, QuestionDepth.Light),
        new(107, "If we planned a date with no budget limits at all, what would happen on it?", QuestionCategory.Fun, QuestionDepth.Light),
        new(108, "What's a tiny adventure we could have this week without spending much money?", QuestionCategory.Fun, QuestionDepth.Light),
        new(109, "If we were characters in a movie, what kind of movie would it be, and who would play us?", QuestionCategory.Fun, QuestionDepth.Light),
        new(110, "What's one dish you'd like us to cook or try together for the first time?", QuestionCategory.Fun, QuestionDepth.Light),
        new(111, "What's something playful we used to do that you'd like to bring back?", QuestionCategory.Fun, QuestionDepth.Medium),
        new(112, "What's a goofy side of you that you'd like me to see more often?", QuestionCategory.Fun, QuestionDepth.Medium),
        new(113, "If we had a whole free afternoon just to be silly together, how would you plan it?", QuestionCategory.Fun, QuestionDepth.Medium),
        new(114, "What's an inside joke of ours that still makes you smile, and how did it start?", QuestionCategory.Fun, QuestionDepth.Medium),
        new(115, "What's a hobby of mine you'd be curious to try with me for one afternoon?", QuestionCategory.Fun, QuestionDepth.Medium),
        new(116, "What would a screen-free evening together look like if you got to plan every detail?", QuestionCategory.Fun, QuestionDepth.Medium),
        new(117, "When do you feel most free to be playful around me, and what helps you feel that way?", QuestionCategory.Fun, QuestionDepth.Deep),
        new(118, "What would help you feel less self-conscious and more playful with me?", QuestionCategory.Fun, QuestionDepth.Deep),
        new(119, "What does joy in our relationship look like to you, described as one concrete scene?", QuestionCategory.Fun, QuestionDepth.Deep),

        // Repair
        new(120, "When we disagree, what's one thing I do that helps you feel heard?", QuestionCategory.Repair, QuestionDepth.Light),
        new(121, "What's a word or gesture that helps you soften after a tense moment?", QuestionCategory.Repair, QuestionDepth.Light),
        new(122, "After a rough conversation, what helps you most: a hug, a walk, some quiet, or something else?", QuestionCategory.Repair, QuestionDepth.Light),
        new(123, "What's a kind way I could let you know I need a short break during a heated talk?", QuestionCategory.Repair, QuestionDepth.Light),
        new(124, "What's one small sign that tells you \"we're okay\" after a disagreement?", QuestionCategory.Repair, QuestionDepth.Light),
        new(125, "When we're stuck on a problem, what helps you feel like we're on the same team?", QuestionCategory.Repair, QuestionDepth.Medium),
        new(126, "How much time do you usually need to cool off before you're ready to talk things through?", QuestionCategory.Repair, QuestionDepth.Medium),
        new(127, "What helps you stay open to what I'm saying when you're upset?", QuestionCategory.Repair, QuestionDepth.Medium),
        new(128, "Think of a disagreement we handled well. What did we do that worked?", QuestionCategory.Repair, QuestionDepth.Medium),
        new(129, "What's the best way for me to bring up something on my mind so that it's easy for you to hear?", QuestionCategory.Repair, QuestionDepth.Medium),
        new(130, "After we take a break from a hard talk, what would make coming back to it feel easier for you?", QuestionCategory.Repair, QuestionDepth.Medium),
        new(131, "What's an apology from me that really reached you, and what made it feel sincere?", QuestionCategory.Repair, QuestionDepth.Medium),
        new(132, "What would help you feel safe enough to talk with me about something that still hurts?", QuestionCategory.Repair, QuestionDepth.Deep),
        new(133, "What helps you let go of a disagreement so it doesn't linger between us?", QuestionCategory.Repair, QuestionDepth.Deep),
        new(134, "When you're hurting, what do you most need to hear from me to feel understood?", QuestionCategory.Repair, QuestionDepth.Deep),
        new(135, "When we're both stressed, what's one new way of reaching for each other you'd like us to try?", QuestionCategory.Repair, QuestionDepth.Deep),
        new(136, "What gives you hope that we can keep getting better at working through hard moments together?", QuestionCategory.Repair, QuestionDepth.Deep),
    ];
}
