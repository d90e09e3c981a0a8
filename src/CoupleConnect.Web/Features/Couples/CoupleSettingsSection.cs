namespace CoupleConnect.Web.Features.Couples;

/// <summary>
/// A section another feature adds to the couple's settings page (e.g. the daily question's depth), registered in DI
/// by that feature, so the couple's settings do not depend on every feature that has a setting.
/// </summary>
/// <param name="Component">A component with no required parameters.</param>
/// <param name="Order">Where it goes among the other added sections, lowest first.</param>
public sealed record CoupleSettingsSection(Type Component, int Order)
{
    public const int AfterTheCouplesDetails = 100;
}
