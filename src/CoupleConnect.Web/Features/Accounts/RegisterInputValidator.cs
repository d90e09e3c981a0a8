using FluentValidation;

namespace CoupleConnect.Web.Features.Accounts;

public sealed class RegisterInputValidator : AbstractValidator<RegisterInput>
{
    public const int MinimumPasswordLength = 8;
    public const int MaximumPasswordLength = 128;
    public const int MaximumEmailLength = 254;

    public RegisterInputValidator()
    {
        RuleFor(input => input.Email)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Please enter your email address.")
            .MaximumLength(MaximumEmailLength).WithMessage($"An email address can be at most {MaximumEmailLength} characters.")
            .Must(EmailAddressRules.LooksLikeEmail).WithMessage("That doesn't look like an email address. Check for a typo, like a missing @ or dot.");

        RuleFor(input => input.DisplayName).MustBeDisplayName();

        RuleFor(input => input.TimeZoneId).MustBeKnownTimeZone();

        RuleFor(input => input.Password)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Please choose a password.")
            .MinimumLength(MinimumPasswordLength).WithMessage($"Please use at least {MinimumPasswordLength} characters for your password.")
            .MaximumLength(MaximumPasswordLength).WithMessage($"A password can be at most {MaximumPasswordLength} characters.");

        RuleFor(input => input.ConfirmPassword)
            .Equal(input => input.Password).WithMessage("The two passwords don't match.");
    }
}
