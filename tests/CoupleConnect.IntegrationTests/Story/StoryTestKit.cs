using System.Text.Json;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Features.Story;
using CoupleConnect.Web.Infrastructure;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoupleConnect.IntegrationTests.Story;

/// <summary>The story through the real service, signed in as one partner, as the page calls it.</summary>
public static class StoryTestKit
{
    public static async Task<T> StoryAsync<T>(this AppDriver app, TestPerson person, Func<StoryService, Task<T>> call)
    {
        await using var scope = app.AsUser(person);
        return await call(scope.Get<StoryService>());
    }

    public static async Task<Guid> WriteMomentAsync(this AppDriver app, TestPerson person, string title, DateOnly day, string? text = null, string? roughTime = null, bool hardTime = false)
    {
        var written = await app.StoryAsync(person, story => story.WriteAsync(new MomentForm { Title = title, Day = day, Text = text, RoughTime = roughTime, HardTime = hardTime }));
        Assert.True(written.Succeeded, $"{person.DisplayName} could not write the moment: {written.Error}");
        return written.Value;
    }

    public static async Task<StoryView> StoryViewAsync(this AppDriver app, TestPerson person) =>
        await app.StoryAsync(person, story => story.GetAsync()) ?? throw new InvalidOperationException($"{person.DisplayName} has no couple.");

    public static async Task StoryOkAsync(this AppDriver app, TestPerson person, Func<StoryService, Task<ServiceResult>> call)
    {
        var result = await app.StoryAsync(person, call);
        Assert.True(result.Succeeded, $"{person.DisplayName}: {result.Error}");
    }

    /// <summary>The story section of "Download my data", exactly as the exporter builds it.</summary>
    public static async Task<string> StoryDownloadAsync(this IServiceProvider services, string userId)
    {
        using var scope = services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(userId);
        var source = scope.ServiceProvider.GetServices<IPersonalDataSource>().Single(candidate => candidate.Section == "story");
        return JsonSerializer.Serialize(await source.ExportAsync(user!, CancellationToken.None));
    }

    /// <summary>The story section of an ended (or still running) couple's archive, as of the app's clock.</summary>
    public static async Task<string> StoryArchiveAsync(this IServiceProvider services, Guid coupleId)
    {
        using var scope = services.CreateScope();
        var source = scope.ServiceProvider.GetServices<ICoupleArchiveSource>().Single(candidate => candidate.Section == "story");
        await using var db = await CoupleDb.OpenAsync(scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>(), coupleId);
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        return JsonSerializer.Serialize(await source.ExportAsync(new CoupleArchiveContent(db, now), CancellationToken.None));
    }
}
