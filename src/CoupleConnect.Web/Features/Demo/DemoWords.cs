using CoupleConnect.Domain.Positives;

namespace CoupleConnect.Web.Features.Demo;

/// <summary>What the demo couple write: ordinary, warm, and obviously invented.</summary>
internal static class DemoWords
{
    public static readonly string[] Answers =
    [
        "The walk by the river on Sunday, when we didn't look at our phones once.",
        "When you laughed at my terrible joke even though you'd heard it before.",
        "Honestly, a quiet evening with tea and the crossword together.",
        "I'd love us to plan the trip to the coast we keep talking about.",
        "I felt cared for when you noticed I was tired and cooked without asking.",
        "Starting the day slowly together, before the rush begins.",
        "I want to get better at listening without jumping to fixing things.",
        "The first flat we shared: tiny, cold, and somehow perfect.",
    ];

    public static readonly string[] Gratitude =
    [
        "You made me coffee before I even asked.",
        "Thank you for listening to me go on about work tonight.",
        "You took the bins out in the rain. Hero.",
        "The way you spoke to my mum on the phone: patient and kind.",
        "You remembered my meeting and asked how it went.",
        "Thanks for the hug when I got home.",
    ];

    private static readonly string[] Help = ["Sorted the shopping without being asked.", "Fixed the wobbly shelf at last.", "Picked me up from the station."];
    private static readonly string[] Affection = ["A long hug in the kitchen.", "Held my hand on the walk.", "Left a sweet note on the fridge."];
    private static readonly string[] Words = ["Said I looked lovely this morning.", "Told me they were proud of me.", "Such a gentle tone when I was stressed."];
    private static readonly string[] Time = ["Put the phone away for our whole dinner.", "Suggested a film night, just us.", "Sat with me on the balcony for an hour."];
    private static readonly string[] Support = ["Backed me up in a hard conversation.", "Took over so I could rest.", "Encouraged me to go for the new role."];

    public static IReadOnlyList<string> NoteFor(PositiveKind kind) => kind switch
    {
        PositiveKind.Help => Help,
        PositiveKind.Affection => Affection,
        PositiveKind.KindWord => Words,
        PositiveKind.QualityTime => Time,
        PositiveKind.SupportiveGesture => Support,
        _ => Gratitude,
    };
}
