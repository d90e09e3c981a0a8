using CoupleConnect.Domain.Couples;

namespace CoupleConnect.Domain.Talks;

/// <summary>One small thing a partner says they'll try after a talk, in their own positive words. One per person per talk.</summary>
public sealed class TalkNextStep : ICoupleOwned
{
    private TalkNextStep()
    {
    }

    internal TalkNextStep(Guid talkId, string authorId, TalkText text, DateTimeOffset now)
    {
        TalkId = talkId;
        AuthorId = authorId;
        Text = text.Value;
        WrittenAt = now;
    }

    public Guid TalkId { get; private set; }

    public string AuthorId { get; private set; } = string.Empty;

    public string Text { get; private set; } = string.Empty;

    public DateTimeOffset WrittenAt { get; private set; }

    internal void Change(TalkText text, DateTimeOffset now)
    {
        Text = text.Value;
        WrittenAt = now;
    }
}
