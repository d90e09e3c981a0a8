using System.Net;
using System.Text;

namespace CoupleConnect.Web.Infrastructure.Email;

/// <summary>What an email says; <see cref="EmailLayout"/> turns it into matching HTML and plain text.</summary>
public sealed record EmailContent(string Subject, string Heading, IReadOnlyList<string> Paragraphs)
{
    public string? ActionLabel { get; init; }

    public string? ActionUrl { get; init; }

    /// <summary>Small print under the button, e.g. "If you didn't ask for this, ignore this email."</summary>
    public string? Footnote { get; init; }

    /// <summary>Reminders carry a visible unsubscribe link for exactly their kind, e.g. "Stop morning question emails".</summary>
    public string? UnsubscribeUrl { get; init; }

    public string? UnsubscribeLabel { get; init; }

    /// <summary>The preview mail apps show under the subject; hidden in the HTML, the first line of the text.</summary>
    public string? Preheader { get; init; }
}

/// <summary>One mobile-friendly layout for every email: inline styles (mail clients drop style sheets), one column, a big button.</summary>
public static class EmailLayout
{
    private const string Rose = "#9C3D4A";
    private const string Ink = "#2D2424";
    private const string Muted = "#6B5E5B";
    private const string Cream = "#FBF7F3";

    // A zero-width non-joiner and a non-breaking space, many times: preview text, but nothing anyone can see.
    private static readonly string PreviewSpacers = string.Concat(Enumerable.Repeat("&zwnj;&nbsp;", 90));

    public static EmailMessage Compose(string toAddress, string? toName, EmailContent content) =>
        new(toAddress, toName, content.Subject, Html(content), Text(content));

    private static string Html(EmailContent content)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(Encode(content.Subject)).Append("</title></head>")
            .Append("<body style=\"margin:0;padding:0;background:").Append(Cream).Append(";\">");
        if (content.Preheader is not null)
        {
            // Mail apps preview the first text they find: this one, then invisible spacers so none of the body follows it.
            html.Append("<div style=\"display:none;max-height:0;overflow:hidden;mso-hide:all;\" aria-hidden=\"true\" data-preheader>")
                .Append(Encode(content.Preheader)).Append(PreviewSpacers).Append("</div>");
        }

        html
            .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"background:").Append(Cream).Append(";\"><tr><td align=\"center\" style=\"padding:24px 12px;\">")
            .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"max-width:520px;background:#ffffff;border-radius:16px;\">")
            .Append("<tr><td style=\"padding:28px 24px;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:").Append(Ink).Append(";font-size:16px;line-height:1.55;\">")
            .Append("<p style=\"margin:0 0 16px;color:").Append(Rose).Append(";font-weight:700;letter-spacing:.02em;\">CoupleConnect</p>")
            .Append("<h1 style=\"margin:0 0 16px;font-size:22px;line-height:1.3;color:").Append(Ink).Append(";\">").Append(Encode(content.Heading)).Append("</h1>");

        foreach (var paragraph in content.Paragraphs)
        {
            html.Append("<p style=\"margin:0 0 16px;\">").Append(Encode(paragraph)).Append("</p>");
        }

        if (content.ActionUrl is not null)
        {
            html.Append("<p style=\"margin:24px 0;\"><a href=\"").Append(Encode(content.ActionUrl))
                .Append("\" style=\"display:inline-block;background:").Append(Rose).Append(";color:#ffffff;text-decoration:none;font-weight:600;padding:14px 24px;border-radius:999px;\">")
                .Append(Encode(content.ActionLabel ?? "Open CoupleConnect")).Append("</a></p>")
                .Append("<p style=\"margin:0 0 16px;font-size:13px;color:").Append(Muted).Append(";\">If the button doesn't work, copy this link into your browser: ")
                .Append("<span style=\"word-break:break-all;\">").Append(Encode(content.ActionUrl)).Append("</span></p>");
        }

        if (content.Footnote is not null)
        {
            html.Append("<p style=\"margin:16px 0 0;font-size:13px;color:").Append(Muted).Append(";\">").Append(Encode(content.Footnote)).Append("</p>");
        }

        if (content.UnsubscribeUrl is not null)
        {
            html.Append("<p style=\"margin:24px 0 0;padding-top:16px;border-top:1px solid #EDE4DE;font-size:13px;color:").Append(Muted).Append(";\">")
                .Append("<a href=\"").Append(Encode(content.UnsubscribeUrl)).Append("\" style=\"color:").Append(Rose).Append(";\">")
                .Append(Encode(content.UnsubscribeLabel ?? "Unsubscribe")).Append("</a> · you can change every reminder in your settings.</p>");
        }

        html.Append("</td></tr></table></td></tr></table></body></html>");
        return html.ToString();
    }

    private static string Text(EmailContent content)
    {
        var text = new StringBuilder();
        if (content.Preheader is not null)
        {
            text.AppendLine(content.Preheader).AppendLine();
        }

        text.AppendLine(content.Heading).AppendLine();
        foreach (var paragraph in content.Paragraphs)
        {
            text.AppendLine(paragraph).AppendLine();
        }

        if (content.ActionUrl is not null)
        {
            text.Append(content.ActionLabel ?? "Open CoupleConnect").AppendLine(":").AppendLine(content.ActionUrl).AppendLine();
        }

        if (content.Footnote is not null)
        {
            text.AppendLine(content.Footnote).AppendLine();
        }

        text.AppendLine("— CoupleConnect");
        if (content.UnsubscribeUrl is not null)
        {
            text.AppendLine().Append(content.UnsubscribeLabel ?? "Unsubscribe").AppendLine(":").AppendLine(content.UnsubscribeUrl);
        }

        return text.ToString();
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
