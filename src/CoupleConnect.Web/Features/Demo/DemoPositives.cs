using CoupleConnect.Domain.Positives;
using CoupleConnect.Web.Infrastructure.Data;

namespace CoupleConnect.Web.Features.Demo;

/// <summary>The demo couple's two members.</summary>
internal sealed record DemoPartners(string Alex, string Sam);

/// <summary>
/// Evening thanks most days and a few small positives of every kind, each in its writer's voice. Today each has
/// noticed one thing already, and tonight's thanks are still there to write.
/// </summary>
internal static class DemoPositives
{
    private static readonly PositiveKind[] SmallKinds = [.. Enum.GetValues<PositiveKind>().Where(kind => kind != PositiveKind.Gratitude)];

    public static void Add(AppDbContext db, Guid coupleId, DemoPartners partners, DateOnly firstDay, DateOnly today, DateTimeOffset now, Random random, Func<DateOnly, int, int, DateTimeOffset> at)
    {
        var writers = new[]
        {
            new Writer(partners.Alex, partners.Sam, DemoWords.Alex, random),
            new Writer(partners.Sam, partners.Alex, DemoWords.Sam, random),
        };

        for (var day = firstDay; day < today; day = day.AddDays(1))
        {
            foreach (var writer in writers)
            {
                if (random.NextDouble() < 0.6)
                {
                    var gratitude = Positive.Gratitude(coupleId, writer.Id, writer.AboutId, Note(writer.Thanks.Next()), day, at(day, 21, random.Next(60)));
                    Acknowledge(gratitude, writer.AboutId, day, random, at);
                    db.Positives.Add(gratitude);
                }

                for (var count = random.Next(0, 3); count > 0; count--)
                {
                    // Kinds in turn, so each appears within the first days rather than whenever chance allows.
                    var kind = SmallKinds[writer.KindsLogged++ % SmallKinds.Length];
                    var notes = writer.Voice.Notes[kind];
                    var note = random.NextDouble() < 0.7 ? Note(notes[random.Next(notes.Length)]) : null;
                    var positive = Positive.Log(coupleId, writer.Id, writer.AboutId, kind, note, day, day, at(day, 12 + random.Next(6), random.Next(60)));
                    Acknowledge(positive, writer.AboutId, day, random, at);
                    db.Positives.Add(positive);
                }
            }
        }

        foreach (var (writer, hour, kind) in new[] { (writers[0], 8, PositiveKind.Help), (writers[1], 9, PositiveKind.Affection) })
        {
            var planned = at(today, hour, random.Next(60));
            var notes = writer.Voice.Notes[kind];
            db.Positives.Add(Positive.Log(coupleId, writer.Id, writer.AboutId, kind, Note(notes[random.Next(notes.Length)]), today, today, planned <= now ? planned : now.AddSeconds(-30)));
        }
    }

    private static void Acknowledge(Positive positive, string about, DateOnly day, Random random, Func<DateOnly, int, int, DateTimeOffset> at)
    {
        if (random.NextDouble() < 0.6)
        {
            positive.Acknowledge(about, at(day, 22, random.Next(60)));
        }
    }

    private static PositiveNote Note(string words) =>
        PositiveNote.TryParse(words, "note", out var note, out var problem) ? note! : throw new InvalidOperationException($"Demo note is invalid ({problem}): {words}");

    private sealed class Writer(string id, string aboutId, DemoVoice voice, Random random)
    {
        public string Id { get; } = id;

        public string AboutId { get; } = aboutId;

        public DemoVoice Voice { get; } = voice;

        public DemoDeck Thanks { get; } = new(voice.Gratitude, random);

        public int KindsLogged { get; set; }
    }
}

/// <summary>Lines dealt like shuffled cards: none comes again until every one has been used.</summary>
internal sealed class DemoDeck(IReadOnlyList<string> lines, Random random)
{
    private readonly Queue<string> _left = new();

    public string Next()
    {
        if (_left.Count == 0)
        {
            foreach (var line in lines.OrderBy(_ => random.Next()))
            {
                _left.Enqueue(line);
            }
        }

        return _left.Dequeue();
    }
}
