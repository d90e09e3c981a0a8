using Microsoft.AspNetCore.HostFiltering;

namespace CoupleConnect.Web.Infrastructure;

public static class PublicUrlSetup
{
    /// <summary>
    /// Outside Development the public address is required, and unless the operator lists AllowedHosts themselves, only
    /// its host is served: a request for any other host gets 400 before it reaches a page.
    /// </summary>
    public static WebApplicationBuilder AddPublicUrl(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AppLinks>();
        var publicUrl = AppLinks.Configured(builder.Configuration);
        if (builder.Environment.IsDevelopment())
        {
            return builder;
        }

        if (publicUrl is null)
        {
            throw new InvalidOperationException(
                $"{AppLinks.PublicUrlKey} is not set. Outside Development every link in an email comes from it: set it to the address " +
                "people open the app at, such as https://couples.example.org/ (README, 'Configuration').");
        }

        // Runs after the host's own post-configuration, which turns an unset AllowedHosts into "*".
        builder.Services.PostConfigure<HostFilteringOptions>(hosts =>
        {
            if (hosts.AllowedHosts.Count == 0 || hosts.AllowedHosts.Contains("*"))
            {
                hosts.AllowedHosts = [publicUrl.HostNameType == UriHostNameType.IPv6 ? publicUrl.Host : publicUrl.IdnHost];
            }
        });
        return builder;
    }
}
