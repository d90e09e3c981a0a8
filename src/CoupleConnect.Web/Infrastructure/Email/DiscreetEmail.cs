namespace CoupleConnect.Web.Infrastructure.Email;

/// <summary>
/// A discreet email (the person's choice, docs/adr/0037): the subject, the preview mail apps show under it and the first
/// lines say nothing personal and name nobody, for a shared inbox or a lock screen someone else sees. The details stay
/// inside, below that opening, for whoever opens it.
/// </summary>
public static class DiscreetEmail
{
    public const string Subject = "A note from CoupleConnect";

    public const string Preview = "Something is waiting for you. Open it when you're ready.";

    public const string Heading = "A note for you";

    public const string Lead = "You asked for discreet emails, so the subject and the first lines of this one say nothing personal. The details are just below.";

    /// <summary>The same email with a neutral subject, preview, heading and opening line when <paramref name="discreet"/>; unchanged otherwise.</summary>
    public static EmailContent Apply(EmailContent content, bool discreet) => !discreet ? content : content with
    {
        Subject = Subject,
        Preheader = Preview,
        Heading = Heading,
        Paragraphs = [Lead, .. content.Paragraphs],
    };
}
