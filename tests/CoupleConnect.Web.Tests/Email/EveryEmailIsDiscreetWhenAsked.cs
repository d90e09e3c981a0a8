using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using CoupleConnect.Domain.Reminders;
using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Identity;

namespace CoupleConnect.Web.Tests.Email;

/// <summary>
/// Discreet emails (docs/adr/0037): for a person who chose them, every email the app sends (each listed once in
/// <see cref="EveryEmailKind"/>) has the neutral subject and a preview and first lines that name nobody.
/// </summary>
public sealed partial class EveryEmailIsDiscreetWhenAsked
{
    /// <summary>About what a lock screen or an inbox list shows of an email after its subject (two to four lines).</summary>
    private const int PreviewLength = 160;

    public static TheoryData<string> EmailNames => [.. EveryEmailKind.All.Select(email => email.Name)];

    [Theory]
    [MemberData(nameof(EmailNames))]
    public async Task ADiscreetEmailsSubjectAndPreviewSayNothingPersonal(string name)
    {
        var email = await Case(name).Compose(true);

        Assert.Equal(DiscreetEmail.Subject, email.Subject);
        Assert.StartsWith(DiscreetEmail.Preview, email.TextBody, StringComparison.Ordinal);
        Assert.Contains($"data-preheader>{WebUtility.HtmlEncode(DiscreetEmail.Preview)}", email.HtmlBody, StringComparison.Ordinal);
        foreach (var preview in new[] { Preview(email.TextBody), Preview(VisibleText(email.HtmlBody)) })
        {
            Assert.All(EveryEmailKind.Personal, personal => Assert.DoesNotContain(personal, preview, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Theory]
    [MemberData(nameof(EmailNames))]
    public async Task WithoutTheChoiceAnEmailKeepsItsOwnSubjectAndHasNoDiscreetOpening(string name)
    {
        var email = await Case(name).Compose(false);

        Assert.NotEqual(DiscreetEmail.Subject, email.Subject);
        Assert.DoesNotContain(DiscreetEmail.Lead, email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOrdinaryEmailsDoNameThePartnerSoTheDiscreetCheckHasSomethingToCatch()
    {
        var subjects = await Task.WhenAll(EveryEmailKind.All.Select(async email => (await email.Compose(false)).Subject));

        Assert.Contains(subjects, subject => subject.Contains(EveryEmailKind.Partner, StringComparison.Ordinal));
        Assert.Contains(subjects, subject => subject.Contains(EveryEmailKind.RitualName, StringComparison.Ordinal));
    }

    [Fact]
    public void EveryReminderKindIsListed() =>
        Assert.Equal(Enum.GetValues<ReminderKind>().Order(), EveryEmailKind.ReminderDetails.Keys.Order());

    [Fact]
    public void EveryIdentityEmailIsListed()
    {
        var identityEmails = typeof(IEmailSender<ApplicationUser>).GetMethods().Select(method => $"IEmailSender.{method.Name}");

        Assert.Empty(identityEmails.Except(Factories()));
    }

    /// <summary>Every public method of the app that returns an email (but the layout every email goes through, and a record's copy) is listed.</summary>
    [Fact]
    public void EveryEmailFactoryIsListed()
    {
        var factories = typeof(EmailMessage).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(method => method.ReturnType == typeof(EmailMessage) && !method.Name.StartsWith('<') && method.DeclaringType != typeof(EmailLayout))
            .Select(method => $"{method.DeclaringType!.Name}.{method.Name}")
            .ToList();

        Assert.NotEmpty(factories);
        Assert.Empty(factories.Except(Factories()));
    }

    private static IEnumerable<string> Factories() => EveryEmailKind.All.Select(email => email.Factory).Distinct();

    private static EmailCase Case(string name) => EveryEmailKind.All.Single(email => email.Name == name);

    private static string Preview(string text)
    {
        var flat = Whitespace().Replace(text.Replace("\u200C", " ", StringComparison.Ordinal), " ").Trim();
        return flat.Length <= PreviewLength ? flat : flat[..PreviewLength];
    }

    private static string VisibleText(string html) => WebUtility.HtmlDecode(Tags().Replace(Head().Replace(html, " "), " "));

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("<head>.*?</head>", RegexOptions.Singleline)]
    private static partial Regex Head();
}
