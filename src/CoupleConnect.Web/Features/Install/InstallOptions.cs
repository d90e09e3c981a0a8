namespace CoupleConnect.Web.Features.Install;

/// <summary>The installable app's shell (docs/adr/0043).</summary>
public sealed class InstallOptions
{
    public const string SectionName = "CoupleConnect:Install";

    /// <summary>
    /// Usually empty: the shell's version is then worked out from its files (<see cref="ShellVersion"/>), so a release
    /// that changes any of them updates every installed app. An operator may set it to make every phone fetch the
    /// shell again, e.g. after restoring an older release.
    /// </summary>
    public string? ShellVersion { get; set; }
}
