using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CoupleConnect.IntegrationTests.Infrastructure;

/// <summary>
/// Like <see cref="ClockedAppFixture"/>, but the fake clock starts at a chosen instant instead of "now", so a test can
/// start just before a known daylight-saving change and walk through it. The clock only moves forward.
/// </summary>
public abstract class FixedClockAppFixture(DateTimeOffset start) : AppFixture
{
    private WebApplicationFactory<Program>? _clocked;

    public DateTimeOffset Start => start;

    public FakeTimeProvider Clock { get; } = new(start);

    /// <summary>A second host of the same app on the same database, whose every service reads <see cref="Clock"/>.</summary>
    public WebApplicationFactory<Program> ClockedFactory =>
        _clocked ??= Factory.WithWebHostBuilder(builder => builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock)));

    public AppDriver ClockedDriver => new(ClockedFactory.Services, Factory.ConnectionString, Factory.MailboxPath);
}
