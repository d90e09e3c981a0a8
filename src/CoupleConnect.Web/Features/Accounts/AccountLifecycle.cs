using System.Text;
using CoupleConnect.Web.Features.Accounts.SensitiveChanges;
using CoupleConnect.Web.Infrastructure;
using CoupleConnect.Web.Infrastructure.Data;
using CoupleConnect.Web.Infrastructure.Email;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace CoupleConnect.Web.Features.Accounts;

/// <summary>
/// The one way an account begins, changes its name or time zone, and ends. Pages, the demo seeder and test fixtures all
/// come here, so what follows each step (default reminders, re-planned reminders, the couple ending, the emails) can't
/// be forgotten by one caller. Features join in through <see cref="IAccountLifecycleHook"/>.
/// </summary>
public sealed class AccountLifecycle(
    UserManager<ApplicationUser> users,
    AppDbContext db, // Identity's own store context (scoped): account rows and the hooks' rows share one transaction
    IEnumerable<IAccountLifecycleHook> hooks,
    IValidator<RegisterInput> registerRules,
    IValidator<ProfileInput> profileRules,
    IEmailSender<ApplicationUser> accountEmails,
    IMailSender mailSender,
    AppLinks links,
    AccountChanges accountChanges,
    TimeProvider timeProvider,
    ILogger<AccountLifecycle> logger)
{
    private static readonly ServiceError NotAnAddress = new(ServiceErrorCode.InvalidEmail, "That doesn't look like an email address. Check for a typo.");

    /// <summary>
    /// A person signs up: the account (unconfirmed) with its features' defaults, then the confirmation email. An address
    /// that already has an account answers the same (so the form reveals nobody's), and its owner hears of it by email.
    /// </summary>
    public async Task<ServiceResult> RegisterAsync(RegisterInput input, string? returnUrl, CancellationToken cancellationToken = default)
    {
        if (await FirstBrokenRuleAsync(registerRules, input, cancellationToken) is { } broken)
        {
            return ServiceResult.Fail(broken);
        }

        var email = input.Email.Trim();
        var user = NewUser(email, input.DisplayName, input.TimeZoneId, emailConfirmed: false, createdAt: null);
        user.DiscreetEmails = input.DiscreetEmails;
        var created = await CreateAsync(user, input.Password, cancellationToken);
        if (!created.Succeeded && created.Errors.All(IsTakenAddress))
        {
            await TellTheOwnerAsync(email, returnUrl);
            return ServiceResult.Ok;
        }

        if (!created.Succeeded)
        {
            return ServiceResult.Fail(Refusal(created.Errors));
        }

        logger.LogInformation("A new account was created; confirmation email sent.");
        await SendConfirmationAsync(user, returnUrl);
        return ServiceResult.Ok;
    }

    /// <summary>An account whose address needs no confirming (the demo couple, test fixtures), with the same defaults as a sign-up.</summary>
    public async Task<ServiceResult<ApplicationUser>> CreateConfirmedAsync(NewAccount account, CancellationToken cancellationToken = default)
    {
        var user = NewUser(account.Email.Trim(), account.DisplayName, account.TimeZoneId, emailConfirmed: true, account.CreatedAt);
        var created = await CreateAsync(user, account.Password, cancellationToken);
        return created.Succeeded ? ServiceResult<ApplicationUser>.Ok(user) : ServiceResult<ApplicationUser>.Fail(Refusal(created.Errors));
    }

    /// <summary>
    /// A new name or time zone for <paramref name="user"/> (as loaded by this scope's UserManager); what follows it, such as
    /// reminders re-planned for the new zone, commits in the same transaction, so neither is saved without the other.
    /// </summary>
    public async Task<ServiceResult> ChangeProfileAsync(ApplicationUser user, ProfileInput input, CancellationToken cancellationToken = default)
    {
        if (await FirstBrokenRuleAsync(profileRules, input, cancellationToken) is { } broken)
        {
            return ServiceResult.Fail(broken);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        user.DisplayName = Domain.Accounts.DisplayName.Parse(input.DisplayName).Value;
        user.TimeZoneId = Domain.Common.TimeZoneId.Parse(input.TimeZoneId).Value;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            return ServiceResult.Fail("We couldn't save your profile. Please try again.");
        }

        foreach (var hook in hooks)
        {
            await hook.ProfileChangedAsync(db, user.Id, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ServiceResult.Ok;
    }

    /// <summary>
    /// Closes <paramref name="user"/>'s account for good: what can't outlive it ends first (a couple ends and the partner is
    /// told), then the account and everything hanging off it is deleted, then its owner gets a notice.
    /// The caller checks the password and signs the browser out.
    /// </summary>
    public async Task<ServiceResult> CloseAsync(ApplicationUser user, CancellationToken cancellationToken = default)
    {
        foreach (var hook in hooks)
        {
            await hook.AccountClosingAsync(user.Id, cancellationToken);
        }

        var deleted = await users.DeleteAsync(user);
        if (!deleted.Succeeded)
        {
            return ServiceResult.Fail("We couldn't close your account. Please try again.");
        }

        await accountChanges.ChangedAsync(user, SecurityChange.AccountDeleted, current: null, cancellationToken: cancellationToken);
        logger.LogInformation("User with ID '{UserId}' deleted themselves.", user.Id);
        return ServiceResult.Ok;
    }

    private ApplicationUser NewUser(string email, string displayName, string timeZoneId, bool emailConfirmed, DateTimeOffset? createdAt) => new()
    {
        UserName = email,
        Email = email,
        EmailConfirmed = emailConfirmed,
        DisplayName = Domain.Accounts.DisplayName.Parse(displayName).Value,
        TimeZoneId = Domain.Common.TimeZoneId.Parse(timeZoneId).Value,
        CreatedAt = createdAt ?? timeProvider.GetUtcNow(),
    };

    /// <summary>The account and every feature's defaults for it in one transaction: a person never exists half set up.</summary>
    private async Task<IdentityResult> CreateAsync(ApplicationUser user, string password, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return created;
        }

        foreach (var hook in hooks)
        {
            await hook.AccountCreatedAsync(db, user.Id, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return created;
    }

    private static async Task<ServiceError?> FirstBrokenRuleAsync<TInput>(IValidator<TInput> rules, TInput input, CancellationToken cancellationToken)
    {
        var checkedInput = await rules.ValidateAsync(input, cancellationToken);
        return checkedInput.IsValid ? null : new ServiceError(ServiceErrorCode.Invalid, checkedInput.Errors[0].ErrorMessage);
    }

    private static bool IsTakenAddress(IdentityError error) =>
        error.Code is nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.DuplicateEmail);

    /// <summary>Identity's refusal as one of ours: the email is also the user name, so a bad address comes twice and is told once.</summary>
    private static ServiceError Refusal(IEnumerable<IdentityError> errors)
    {
        var all = errors.ToList();
        if (all.Any(error => error.Code is nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName)))
        {
            return NotAnAddress;
        }

        var password = all.Where(error => error.Code.StartsWith("Password", StringComparison.Ordinal)).Select(error => error.Description).ToList();
        return password.Count > 0
            ? new ServiceError(ServiceErrorCode.WeakPassword, string.Join(" ", password))
            : new ServiceError(ServiceErrorCode.Refused, string.Join(" ", all.Select(error => error.Description)));
    }

    private async Task SendConfirmationAsync(ApplicationUser user, string? returnUrl)
    {
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GenerateEmailConfirmationTokenAsync(user)));
        var callbackUrl = links.To("Account/ConfirmEmail", new Dictionary<string, string?> { ["userId"] = user.Id, ["code"] = code, ["returnUrl"] = returnUrl });
        await accountEmails.SendConfirmationLinkAsync(user, user.Email!, callbackUrl);
    }

    /// <summary>An unconfirmed owner gets a fresh confirmation (likely they forgot they signed up); a confirmed one, a notice.</summary>
    private async Task TellTheOwnerAsync(string email, string? returnUrl)
    {
        var owner = await users.FindByEmailAsync(email);
        if (owner is null)
        {
            return;
        }

        if (!owner.EmailConfirmed)
        {
            await SendConfirmationAsync(owner, returnUrl);
            return;
        }

        await mailSender.SendAsync(RegistrationAttemptEmail.ToOwner(owner.Email!, owner.DisplayName, links.To(LocalReturnUrl.LoginHref(returnUrl)), links.To("Account/ForgotPassword"), owner.DiscreetEmails));
    }
}
