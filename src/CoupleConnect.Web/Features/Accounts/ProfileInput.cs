using CoupleConnect.Domain.Accounts;
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
        RuleFor(input => input.DisplayName)
            .Custom((name, context) =>
            {
                var check = DisplayName.Check(name);
                if (!check.IsValid)
                {
                    context.AddFailure(check.Error!);
                }
            });

        RuleFor(input => input.TimeZoneId)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Please choose your time zone, so reminders arrive at your local time.")
            .Must(zone => Domain.Common.TimeZoneId.TryParse(zone, out _)).WithMessage("We don't know that time zone. Please pick one from the list, such as Europe/London.");
    }
}
