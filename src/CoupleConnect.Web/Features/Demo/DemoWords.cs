using CoupleConnect.Domain.Positives;

namespace CoupleConnect.Web.Features.Demo;

/// <summary>
/// What one demo partner writes besides answers: evening thanks and small positives about the other. Each person has
/// their own voice, and their thanks are dealt like cards, so none repeats until all have been used.
/// </summary>
internal sealed record DemoVoice(IReadOnlyList<string> Gratitude, IReadOnlyDictionary<PositiveKind, string[]> Notes, IReadOnlyList<string> DateNightNotes);

/// <summary>What the demo couple write: ordinary, warm, and obviously invented.</summary>
internal static class DemoWords
{
    /// <summary>Alex, about Sam: short, dry, fond.</summary>
    public static readonly DemoVoice Alex = new(
        [
            "Coffee, before I'd even asked. Marry me. Oh wait.",
            "You listened to the whole saga about the printer. Saint.",
            "Thanks for not mentioning the burnt toast.",
            "You sorted the boiler man. I owe you.",
            "That hug at the door. Needed it.",
            "You laughed at my pun. The bad one.",
            "Thanks for walking the long way home with me.",
            "You were lovely to my dad on the phone. Patient as anything.",
            "You remembered the review and asked how it went.",
            "The note in my lunchbox. Colleagues were jealous.",
            "You let me have the last roast potato.",
            "Thank you for calming me down before the big call.",
            "You fixed the playlist for the drive. Top work.",
            "Thanks for the lie-in. Heroic restraint.",
            "You cleared the table while I was on the phone.",
            "The way you said my name when I got home.",
            "You booked Lisbon. Actually booked it.",
            "Thanks for the soup when I was grotty.",
            "You didn't say 'I told you so'. Twice.",
            "Thanks for holding the ladder and not laughing. Much.",
            "You kept me company while I wrote that email.",
            "Thank you for being the calm one today.",
            "You found my keys. Again.",
            "Thanks for the tea in bed. Top marks.",
        ],
        new Dictionary<PositiveKind, string[]>
        {
            [PositiveKind.Help] = ["Did the big shop. All of it.", "Fixed the wobbly shelf at last.", "Picked me up from the station in the rain."],
            [PositiveKind.Affection] = ["Hand on my neck in the queue. Nice.", "Long hug in the kitchen.", "Held my hand the whole walk."],
            [PositiveKind.KindWord] = ["Said I looked smart. I was in a jumper.", "Told me they were proud of me.", "Very gentle about my driving."],
            [PositiveKind.QualityTime] = ["Phones away for the whole dinner.", "Film night, just us.", "An hour on the balcony, talking rubbish."],
            [PositiveKind.SupportiveGesture] = ["Backed me up with the landlord.", "Took over so I could rest.", "Pushed me to apply for the new role."],
            [PositiveKind.Other] = ["Sang in the shower. Badly. Loved it.", "Bought the good biscuits.", "Watered my sad basil plant."],
        },
        ["Cooked together, no phones. Laughed a lot.", "Thai place. Good call, Sam.", "Board games. I lost. Graciously.", "Long walk, chips, home by nine."]);

    /// <summary>Sam, about Alex: warm, detailed, generous with exclamation marks.</summary>
    public static readonly DemoVoice Sam = new(
        [
            "Thank you for making dinner when you could see I was wiped out. It was exactly what I needed.",
            "You listened to me go on about work for an hour tonight and never once checked your phone.",
            "Thank you for taking the bins out in the rain so I didn't have to!",
            "I loved how you spoke to my mum tonight, so patient and kind.",
            "You asked about my workshop before I'd even got my coat off. It made my evening.",
            "Thank you for the hug when I got home. I didn't know how much I needed it.",
            "You warmed my side of the bed with the hot water bottle. Tiny thing, huge difference.",
            "Thank you for sending that silly voice note at lunch. I laughed out loud on the bus!",
            "You remembered Jo's news and asked about it. It means so much that you care about my people.",
            "Thanks for being so calm about the car. I was panicking and you made it feel manageable.",
            "Thank you for the flowers on the table, just because. They're still making me smile.",
            "You let me talk about the book idea without a single joke. Thank you for taking it seriously.",
            "I'm grateful you came to the pottery class even though it's not your thing at all!",
            "Thank you for tidying the hallway before my friends came round. You're a star.",
            "You made me laugh when I was grumpy tonight, and it worked, as always.",
            "Thank you for reading the recipe out while I cooked. We make a good team.",
            "I loved our walk by the river tonight. Thank you for suggesting it.",
            "Thank you for running me a bath after that long day. Pure bliss.",
            "You were so kind to the neighbour about the parcel mix-up. I love that about you.",
            "Thank you for the cup of tea you brought while I worked late.",
            "Thanks for planning the Lisbon days with me. I can't wait!",
            "You made the bed this morning, and it made the whole room feel calmer.",
            "Thank you for saying sorry first today. I know that isn't always easy.",
            "I'm grateful for how you just sat with me tonight without trying to fix anything.",
        ],
        new Dictionary<PositiveKind, string[]>
        {
            [PositiveKind.Help] = ["Sorted all the recycling without me asking!", "Rang the GP for me when I was dreading it.", "Ironed my shirt for the interview. Lifesaver."],
            [PositiveKind.Affection] = ["A kiss on my forehead while I was reading.", "Wrapped me in the blanket on the sofa.", "Left a sweet note on the fridge for me."],
            [PositiveKind.KindWord] = ["Told me my drawings are really good. I needed that.", "Such a gentle tone when I was stressed.", "Said I'd handled my brother brilliantly."],
            [PositiveKind.QualityTime] = ["Cooked together and danced round the kitchen.", "A whole Saturday morning in bed with coffee and crosswords.", "Came for a swim with me even though it was freezing!"],
            [PositiveKind.SupportiveGesture] = ["Came with me to the dentist and held my hand.", "Covered my share of the chores during my deadline week.", "Cheered me on before my presentation."],
            [PositiveKind.Other] = ["Made up a song about the cat next door.", "Brought home my favourite pastries.", "Got the good seats at the cinema."],
        },
        ["We cooked together with no phones and laughed so much.", "A lovely walk by the river, talking about the summer.", "Tea and board games, simple and lovely!", "The new Thai place was gorgeous, then home early and cosy."]);
}
