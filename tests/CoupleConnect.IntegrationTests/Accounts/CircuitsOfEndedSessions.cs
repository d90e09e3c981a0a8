using System.Security.Claims;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Components.Account;
using CoupleConnect.Web.Features.Accounts.Sessions;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CoupleConnect.IntegrationTests.Accounts;

/// <summary>
/// Issue 13, item 3: an open Blazor circuit re-checks its session every minute (the template: every 30) and is signed
/// out once the session has ended. These call the circuit's own check, on an app whose clock the test moves.
/// </summary>
public sealed class CircuitsOfEndedSessions(ClockedAppFixture app) : IClassFixture<ClockedAppFixture>
{
    [Fact]
    public void ACircuitChecksItsSessionEveryMinute() =>
        Assert.Equal(TimeSpan.FromMinutes(1), IdentityRevalidatingAuthenticationStateProvider.Interval);

    [Fact]
    public async Task ACircuitWhoseSessionWasEndedFailsItsNextCheck()
    {
        var person = await app.ClockedDriver.NewPersonAsync("Robin");
        var sessions = app.ClockedFactory.Services.GetRequiredService<UserSessions>();
        var sessionId = await sessions.StartAsync(person.Id, "Mozilla/5.0 (Linux; Android 14) Chrome/131.0.0.0 Mobile Safari/537.36");
        Assert.True(await CircuitCheckAsync(person.Id, sessionId));

        await sessions.EndAllExceptAsync(person.Id, keep: null);

        Assert.False(await CircuitCheckAsync(person.Id, sessionId));
    }

    [Fact]
    public async Task SigningOutInTheBrowserFailsTheCheckOfThatBrowsersCircuits()
    {
        var person = await app.ClockedDriver.NewPersonAsync("Robin");
        using var browser = new AppBrowser(app.ClockedFactory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        await browser.LogInSuccessfullyAsync(person.Email, AppFixture.Password);
        var sessionId = Assert.Single(await SessionIdsAsync(person.Id));
        Assert.True(await CircuitCheckAsync(person.Id, sessionId));

        using (var signedOut = await browser.SubmitFormToAsync("/Account/Manage", "/Account/Logout"))
        {
            Assert.Equal(System.Net.HttpStatusCode.Redirect, signedOut.StatusCode);
        }

        Assert.False(await CircuitCheckAsync(person.Id, sessionId));
    }

    [Fact]
    public async Task ACircuitWithoutASessionOrWithSomeoneElsesFailsTheCheck()
    {
        var person = await app.ClockedDriver.NewPersonAsync("Robin");
        var stranger = await app.ClockedDriver.NewPersonAsync("Kit");
        var sessions = app.ClockedFactory.Services.GetRequiredService<UserSessions>();
        var strangersSession = await sessions.StartAsync(stranger.Id, userAgent: null);

        Assert.False(await CircuitCheckAsync(person.Id, sessionId: null));
        Assert.False(await CircuitCheckAsync(person.Id, strangersSession));
        Assert.True(await CircuitCheckAsync(stranger.Id, strangersSession));
    }

    [Fact]
    public async Task ASessionUnusedForFourteenDaysIsOver()
    {
        var person = await app.ClockedDriver.NewPersonAsync("Robin");
        var sessions = app.ClockedFactory.Services.GetRequiredService<UserSessions>();
        var sessionId = await sessions.StartAsync(person.Id, userAgent: null);

        app.Clock.Advance(TimeSpan.FromDays(14));

        Assert.False(await CircuitCheckAsync(person.Id, sessionId));
        Assert.Empty(await sessions.ListAsync(person.Id, currentSessionId: null));
    }

    [Fact]
    public async Task LastSeenIsWrittenAtMostEveryFiveMinutes()
    {
        var person = await app.ClockedDriver.NewPersonAsync("Robin");
        var sessions = app.ClockedFactory.Services.GetRequiredService<UserSessions>();
        var sessionId = await sessions.StartAsync(person.Id, userAgent: null);
        var started = await LastSeenAsync(sessionId);

        app.Clock.Advance(TimeSpan.FromMinutes(4));
        Assert.True(await sessions.IsActiveAsync(person.Id, sessionId));
        Assert.Equal(started, await LastSeenAsync(sessionId));

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(await sessions.IsActiveAsync(person.Id, sessionId));
        Assert.Equal(app.AppNow, await LastSeenAsync(sessionId), TimeSpan.FromMilliseconds(1));
    }

    /// <summary>What the circuit's every-minute check answers for a circuit opened in <paramref name="sessionId"/>.</summary>
    private async Task<bool> CircuitCheckAsync(string userId, Guid? sessionId)
    {
        await using var scope = app.ClockedFactory.Services.CreateAsyncScope();
        var provider = Assert.IsType<IdentityRevalidatingAuthenticationStateProvider>(scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>());
        List<Claim> claims = [new(ClaimTypes.NameIdentifier, userId)];
        if (sessionId is { } id)
        {
            claims.Add(new Claim(SessionClaims.SessionId, id.ToString()));
        }

        var state = new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity(claims, "Identity.Application")));
        return await provider.IsStillValidAsync(state, CancellationToken.None);
    }

    private async Task<List<Guid>> SessionIdsAsync(string userId)
    {
        await using var connection = new NpgsqlConnection(app.Factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id FROM user_sessions WHERE user_id = @userId AND revoked_at IS NULL", connection);
        command.Parameters.AddWithValue("userId", userId);
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    private async Task<DateTimeOffset> LastSeenAsync(Guid sessionId)
    {
        await using var connection = new NpgsqlConnection(app.Factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT last_seen_at FROM user_sessions WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", sessionId);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), "The session row is missing.");
        return reader.GetFieldValue<DateTimeOffset>(0);
    }
}
