namespace CoupleConnect.E2E.Tests.Infrastructure;

/// <summary>
/// The real app as it runs in production: with its Hangfire server, so the recurring jobs (the reminder dispatcher and
/// sender, every minute) really run. Its own app, database and Chromium, in its own collection: the journeys that wait
/// for a job run beside the other E2E tests instead of in front of them, and no other test gets jobs it didn't ask for.
/// </summary>
public sealed class JobsAppFixture : AppFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["CoupleConnect:Jobs:RunServer"] = "true",

        // Two workers are plenty for a handful of people, and leave the shared machine's cores to the browser.
        ["CoupleConnect:Jobs:WorkerCount"] = "2",
    };
}

[CollectionDefinition(Name)]
public sealed class RealAppWithJobsTests : ICollectionFixture<JobsAppFixture>
{
    public const string Name = "Real app with its background jobs in a real browser";
}
