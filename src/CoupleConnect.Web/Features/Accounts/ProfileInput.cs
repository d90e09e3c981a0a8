using FluentValidation;

namespace CoupleConnect.Web.Features.Accounts;

/// <summary>My preferences: the name my partner sees and the zone my reminders follow.</summary>
public sealed class ProfileInput
{
    public string DisplayName { get; set; } = string.Empty;

    public string TimeZoneId { get; set; } = string.Empty;
}

public sealed class ProfileInputValidator : AbstractValidator<ProfileInput>
{
    public ProfileInputValidator()
    {
        RuleFor(input => input.DisplayName).MustBeDisplayName();
        RuleFor(input => input.TimeZoneId).MustBeKnownTimeZone();
    }
}
