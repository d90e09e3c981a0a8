using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CoupleConnect.IntegrationTests.Infrastructure;

/// <summary>
/// The app with a <see cref="FakeTimeProvider"/> in place of <c>TimeProvider.System</c>, for tests that let days pass
/// (invite expiry, the 30-day archive). The clock only moves forward, so tests of one class can share it: each works
/// with its own people and never assumes an absolute date. Use <see cref="ClockedDriver"/>, not <see cref="AppFixture.Driver"/>.
/// </summary>
public sealed class ClockedAppFixture : AppFixture
{
    private WebApplicationFactory<Program>? _clocked;

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>A second host of the same app on the same database, whose every service reads <see cref="Clock"/>.</summary>
    public WebApplicationFactory<Program> ClockedFactory =>
        _clocked ??= Factory.WithWebHostBuilder(builder => builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock)));

    public AppDriver ClockedDriver => new(ClockedFactory.Services, Factory.ConnectionString, Factory.MailboxPath);

    /// <summary>The clock as the app sees it (proves the fake clock is the one in use).</summary>
    public DateTimeOffset AppNow => ClockedFactory.Services.GetRequiredService<TimeProvider>().GetUtcNow();
}
