namespace CoupleConnect.Web;

/// <summary>Settings under "CoupleConnect" that belong to no single feature.</summary>
public sealed class CoupleConnectOptions
{
    public const string SectionName = "CoupleConnect";

    /// <summary>Emails of confirmed accounts that get the Admin role (Hangfire dashboard, admin pages).</summary>
    public List<string> AdminEmails { get; set; } = [];

    /// <summary>Applies pending EF Core migrations at start-up; on by default in Development only.</summary>
    public bool? ApplyMigrationsAtStartup { get; set; }
}
