using CoupleConnect.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Identity;

namespace CoupleConnect.Web.Features.Accounts;

/// <summary>Identity's emails in our own words and layout. Links arrive unencoded; the layout encodes them.</summary>
internal sealed class AccountEmailSender(IMailSender mailSender) : IEmailSender<ApplicationUser>
{
    public Task SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink) =>
        mailSender.SendAsync(EmailLayout.Compose(email, user.DisplayName, DiscreetEmail.Apply(new EmailContent(
            "Confirm your email for CoupleConnect",
            $"Welcome, {NameOf(user)}",
            [
                "You're one step away. Confirm this is your email address, and then you can invite your partner.",
            ])
        {
            ActionLabel = "Confirm my email",
            ActionUrl = confirmationLink,
            Footnote = "If you didn't create a CoupleConnect account, you can ignore this email; nothing will happen.",
        }, user.DiscreetEmails)));

    public Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink) =>
        mailSender.SendAsync(EmailLayout.Compose(email, user.DisplayName, DiscreetEmail.Apply(new EmailContent(
            "Reset your CoupleConnect password",
            "Choose a new password",
            [
                $"Hi {NameOf(user)}, someone (hopefully you) asked to reset the password for this account. The link works once.",
            ])
        {
            ActionLabel = "Choose a new password",
            ActionUrl = resetLink,
            Footnote = "If you didn't ask for this, ignore this email: your password stays as it is.",
        }, user.DiscreetEmails)));

    public Task SendPasswordResetCodeAsync(ApplicationUser user, string email, string resetCode) =>
        mailSender.SendAsync(EmailLayout.Compose(email, user.DisplayName, DiscreetEmail.Apply(new EmailContent(
            "Your CoupleConnect password reset code",
            "Your reset code",
            [
                $"Hi {NameOf(user)}, here is the code to reset your password: {resetCode}",
            ])
        {
            Footnote = "If you didn't ask for this, ignore this email: your password stays as it is.",
        }, user.DiscreetEmails)));

    private static string NameOf(ApplicationUser user) => string.IsNullOrWhiteSpace(user.DisplayName) ? "there" : user.DisplayName;
}
