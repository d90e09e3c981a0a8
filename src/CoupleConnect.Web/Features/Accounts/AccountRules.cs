using CoupleConnect.Domain.Accounts;
using CoupleConnect.Domain.Common;
using FluentValidation;

namespace CoupleConnect.Web.Features.Accounts;

/// <summary>The rules every form that edits a name or a time zone shares, with one wording.</summary>
public static class AccountRules
{
    public static IRuleBuilderOptionsConditions<T, string> MustBeDisplayName<T>(this IRuleBuilder<T, string> rule) =>
        rule.Custom((name, context) =>
        {
            var check = DisplayName.Check(name);
            if (!check.IsValid)
            {
                context.AddFailure(check.Error!);
            }
        });

    public static IRuleBuilderOptions<T, string> MustBeKnownTimeZone<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Please choose your time zone, so reminders arrive at your local time.")
            .Must(zone => TimeZoneId.TryParse(zone, out _)).WithMessage("We don't know that time zone. Please pick one from the list, such as Europe/London.");
}
