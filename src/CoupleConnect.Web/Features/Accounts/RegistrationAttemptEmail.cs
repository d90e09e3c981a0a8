using CoupleConnect.Web.Infrastructure.Email;

namespace CoupleConnect.Web.Features.Accounts;

/// <summary>
/// Registering with an address that already has an account answers exactly as a new registration does ("check your
/// email"), so the form tells nobody who has an account. The owner learns of the attempt here instead.
/// </summary>
public static class RegistrationAttemptEmail
{
    public static EmailMessage ToOwner(string toAddress, string ownerName, string signInLink, string resetLink, bool discreet) =>
        EmailLayout.Compose(toAddress, ownerName, DiscreetEmail.Apply(new EmailContent(
            "Someone tried to create a CoupleConnect account with your email",
            "You already have an account",
            [
                $"Hi {(string.IsNullOrWhiteSpace(ownerName) ? "there" : ownerName)}, someone just tried to create a new CoupleConnect account with this email address. Your account is still yours: nothing was changed.",
                $"If it was you, you can simply sign in. Forgotten your password? Choose a new one here: {resetLink}",
            ])
        {
            ActionLabel = "Sign in",
            ActionUrl = signInLink,
            Footnote = "If it wasn't you, you can ignore this email. Nobody can use your address without the links we send to it.",
        }, discreet));
}
