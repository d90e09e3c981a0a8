using System.Text.Json;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Features.Temperature;
using CoupleConnect.Web.Infrastructure;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoupleConnect.IntegrationTests.Temperature;

/// <summary>The weekly temperature through the real service, signed in as one partner, as the page calls it.</summary>
public static class TemperatureTestKit
{
    public static async Task<T> TemperatureAsync<T>(this AppDriver app, TestPerson person, Func<TemperatureService, Task<T>> call)
    {
        await using var scope = app.AsUser(person);
        return await call(scope.Get<TemperatureService>());
    }

    public static async Task AnswerTemperatureAsync(this AppDriver app, TestPerson person, int connected, string gain, string wish)
    {
        var answered = await app.TemperatureAsync(person, temperature => temperature.AnswerAsync(connected, gain, wish));
        Assert.True(answered.Succeeded, $"{person.DisplayName} could not answer: {answered.Error}");
    }

    public static async Task<TemperatureView> TemperatureViewAsync(this AppDriver app, TestPerson person) =>
        await app.TemperatureAsync(person, temperature => temperature.GetAsync()) ?? throw new InvalidOperationException($"{person.DisplayName} has no couple.");

    public static async Task<ServiceResult> TryTemperatureAsync(this AppDriver app, TestPerson person, Func<TemperatureService, Task<ServiceResult>> call) =>
        await app.TemperatureAsync(person, call);

    /// <summary>The "weeklyTemperature" section of a person's "Download my data", as JSON.</summary>
    public static async Task<string> TemperatureDownloadAsync(WebApplicationFactory<Program> factory, string userId)
    {
        using var scope = factory.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(userId);
        var source = scope.ServiceProvider.GetServices<IPersonalDataSource>().Single(candidate => candidate.Section == "weeklyTemperature");
        return JsonSerializer.Serialize(await source.ExportAsync(user!, CancellationToken.None));
    }

    /// <summary>The "weeklyTemperature" section of a couple's archive at <paramref name="now"/>, as JSON.</summary>
    public static async Task<string> TemperatureArchiveAsync(WebApplicationFactory<Program> factory, Guid coupleId, DateTimeOffset now)
    {
        using var scope = factory.Services.CreateScope();
        var source = scope.ServiceProvider.GetServices<ICoupleArchiveSource>().Single(candidate => candidate.Section == "weeklyTemperature");
        await using var db = await CoupleDb.OpenAsync(scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>(), coupleId);
        return JsonSerializer.Serialize(await source.ExportAsync(new CoupleArchiveContent(db, now), CancellationToken.None));
    }
}
