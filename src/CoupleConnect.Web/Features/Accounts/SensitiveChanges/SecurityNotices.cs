using CoupleConnect.Web.Infrastructure;
using CoupleConnect.Web.Infrastructure.Email;

namespace CoupleConnect.Web.Features.Accounts.SensitiveChanges;

/// <summary>What changed on an account, for the notice its owner gets.</summary>
public enum SecurityChange
{
    PasswordChanged,
    PasswordReset,
    TwoFactorTurnedOn,
    TwoFactorTurnedOff,
    EmailChanged,
    PasskeyAdded,
    DataDownloaded,
    AccountDeleted,
}

/// <summary>
/// Tells the owner of an account that something sensitive changed, with a way to act if it wasn't them. Links come
/// from <see cref="AppLinks"/> (the configured public address), never from the request that caused the change.
/// </summary>
public sealed class SecurityNotices(IMailSender mailSender, AppLinks links)
{
    public Task SendAsync(SecurityChange change, string toAddress, string? displayName, bool discreet, CancellationToken cancellationToken = default) =>
        mailSender.SendAsync(Compose(change, toAddress, displayName, discreet), cancellationToken);

    /// <summary>The notice itself, composed without sending (every email kind is checked for discretion in one test).</summary>
    public EmailMessage Compose(SecurityChange change, string toAddress, string? displayName, bool discreet)
    {
        var name = string.IsNullOrWhiteSpace(displayName) ? "there" : displayName;
        var (subject, happened) = Describe(change);
        var content = change == SecurityChange.AccountDeleted
            ? new EmailContent(subject, subject, [$"Hi {name}, {happened}", "If that wasn't you, reply to this email and tell us: we'll help you find out what happened."])
            : new EmailContent(subject, subject, [
                $"Hi {name}, {happened}",
                "If that was you, there's nothing more to do. If it wasn't, choose a new password now: that signs out every device, including anyone else's. Your settings also list where you're signed in.",
            ])
            {
                ActionLabel = "Choose a new password",
                ActionUrl = links.To("Account/ForgotPassword"),
                Footnote = $"See where you're signed in: {links.To("Account/Manage/Sessions")}",
            };
        return EmailLayout.Compose(toAddress, displayName, DiscreetEmail.Apply(content, discreet));
    }

    private static (string Subject, string Happened) Describe(SecurityChange change) => change switch
    {
        SecurityChange.PasswordChanged => ("Your CoupleConnect password was changed", "the password for your CoupleConnect account was just changed. Every other device was signed out."),
        SecurityChange.PasswordReset => ("Your CoupleConnect password was reset", "the password for your CoupleConnect account was just reset with a link sent to this address. Every device was signed out."),
        SecurityChange.TwoFactorTurnedOn => ("Two-step sign-in is on", "two-step sign-in (an authenticator app code) was just turned on for your CoupleConnect account. Every other device was signed out."),
        SecurityChange.TwoFactorTurnedOff => ("Two-step sign-in was turned off", "two-step sign-in was just turned off for your CoupleConnect account, so a password alone now signs in. Every other device was signed out."),
        SecurityChange.EmailChanged => ("Your CoupleConnect email address was changed", "your CoupleConnect account now uses a different email address; this one will no longer get its emails. Every other device was signed out."),
        SecurityChange.PasskeyAdded => ("A passkey was added to your CoupleConnect account", "a new passkey was just added to your CoupleConnect account. It can sign in without your password."),
        SecurityChange.DataDownloaded => ("Your CoupleConnect data was downloaded", "a copy of everything you wrote in CoupleConnect was just downloaded from your account."),
        SecurityChange.AccountDeleted => ("Your CoupleConnect account was deleted", "your CoupleConnect account and everything you wrote in it were just deleted."),
        _ => throw new ArgumentOutOfRangeException(nameof(change), change, "Unknown security change."),
    };
}
