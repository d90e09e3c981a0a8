using System.ComponentModel.DataAnnotations;

namespace CoupleConnect.Web.Features.Accounts;

/// <summary>
/// <see cref="EmailAddressRules"/> for the template's DataAnnotations forms. <see cref="EmailAddressAttribute"/> only
/// wants one @ in the middle, so it lets through addresses the mailer then fails to parse (a 500).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class LooksLikeEmailAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is string email && EmailAddressRules.Problem(email) is { } problem
            ? new ValidationResult(problem, validationContext.MemberName is { } member ? [member] : null)
            : ValidationResult.Success;
}
