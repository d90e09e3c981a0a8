using CoupleConnect.Web.Infrastructure.Email;

namespace CoupleConnect.Web.Features.Couples;

/// <summary>The emails pairing sends, in our words. None contains anything a partner wrote.</summary>
internal static class CoupleEmails
{
    /// <summary>
    /// The invitee has no account, so no choice of their own yet: the inviter's discreet choice applies (they know
    /// best whether the other's inbox or lock screen is seen by someone else).
    /// </summary>
    public static EmailMessage Invitation(string toAddress, string inviterName, string link, string formattedCode, string expiresText, bool discreet) =>
        InvitationFrom(toAddress, EmailName.Plain(inviterName, "Someone"), link, formattedCode, expiresText, discreet);

    private static EmailMessage InvitationFrom(string toAddress, string inviterName, string link, string formattedCode, string expiresText, bool discreet) =>
        EmailLayout.Compose(toAddress, null, DiscreetEmail.Apply(new EmailContent(
            $"{inviterName} invites you to CoupleConnect",
            $"{inviterName} would like to connect with you",
            [
                $"{inviterName} has started using CoupleConnect, a place for small daily habits that bring two partners closer: one question a day, a moment of gratitude, rituals you keep together.",
                $"Open the link to join them. If you'd rather type it in, the code is {formattedCode}. The invite works once and expires {expiresText}.",
            ])
        {
            ActionLabel = $"Join {inviterName}",
            ActionUrl = link,
            Footnote = "If you don't know who sent this, you can ignore it: nothing happens unless you open the link and confirm.",
        }, discreet));

    public static EmailMessage PartnerJoined(string toAddress, string toName, string partnerName, string homeLink, bool discreet) =>
        EmailLayout.Compose(toAddress, toName, DiscreetEmail.Apply(new EmailContent(
            $"{partnerName} joined you on CoupleConnect",
            $"You and {partnerName} are connected",
            [
                $"{partnerName} accepted your invite. From now on you'll both see the same question each day, and what you notice about each other.",
            ])
        {
            ActionLabel = "Open CoupleConnect",
            ActionUrl = homeLink,
        }, discreet));

    public static EmailMessage PartnerLeft(string toAddress, string toName, string partnerName, string homeLink, string archiveUntilText, bool discreet) =>
        EmailLayout.Compose(toAddress, toName, DiscreetEmail.Apply(new EmailContent(
            $"{partnerName} has ended your couple on CoupleConnect",
            "Your couple has ended",
            [
                $"{partnerName} has left your couple on CoupleConnect. Nothing new can be added to it, and reminders for it have stopped.",
                $"What you shared stays readable, and you can download a copy until {archiveUntilText}. After that it is deleted for good.",
                "You can start again with a new invite whenever you're ready.",
            ])
        {
            ActionLabel = "Open CoupleConnect",
            ActionUrl = homeLink,
        }, discreet));
}
