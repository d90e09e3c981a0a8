using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Needs;
using CoupleConnect.Web.Infrastructure;

namespace CoupleConnect.IntegrationTests.Needs;

/// <summary>Needs through the real service, signed in as one partner, as the page calls it.</summary>
public static class NeedsTestKit
{
    public static async Task<T> NeedsAsync<T>(this AppDriver app, TestPerson person, Func<NeedsService, Task<T>> call)
    {
        await using var scope = app.AsUser(person);
        return await call(scope.Get<NeedsService>());
    }

    public static async Task<Guid> WriteNeedAsync(this AppDriver app, TestPerson person, string text)
    {
        var written = await app.NeedsAsync(person, needs => needs.WriteAsync(text));
        Assert.True(written.Succeeded, $"{person.DisplayName} could not write the need: {written.Error}");
        return written.Value;
    }

    public static async Task<NeedsView> NeedsViewAsync(this AppDriver app, TestPerson person) =>
        await app.NeedsAsync(person, needs => needs.GetAsync()) ?? throw new InvalidOperationException($"{person.DisplayName} has no couple.");

    public static async Task NeedOkAsync(this AppDriver app, TestPerson person, Func<NeedsService, Task<ServiceResult>> call)
    {
        var result = await app.NeedsAsync(person, call);
        Assert.True(result.Succeeded, $"{person.DisplayName}: {result.Error}");
    }
}
