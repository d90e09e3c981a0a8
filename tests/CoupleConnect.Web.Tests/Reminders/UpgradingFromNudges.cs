using CoupleConnect.Web.Features.Reminders;
using CoupleConnect.Web.Infrastructure.Jobs;
using Hangfire;
using Hangfire.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoupleConnect.Web.Tests.Reminders;

/// <summary>
/// The reminder engine used to be called "nudges" (docs/adr/0026-reminders-not-nudges.md): an installation upgraded
/// from then keeps its settings and loses its old recurring jobs.
/// </summary>
public sealed class UpgradingFromNudges
{
    [Fact]
    public void SettingsUnderTheFormerSectionStillApplyAndTheNewSectionWinsWhereBothSaySomething()
    {
        var options = OptionsFrom(new()
        {
            ["CoupleConnect:Nudges:SendBatchSize"] = "7",
            ["CoupleConnect:Nudges:DispatchBatchSize"] = "11",
            ["CoupleConnect:Reminders:DispatchBatchSize"] = "13",
        });

        Assert.Equal((7, 13), (options.SendBatchSize, options.DispatchBatchSize));
    }

    [Fact]
    public void WithoutSettingsTheDefaultsApply()
    {
        var (defaults, options) = (new ReminderOptions(), OptionsFrom([]));

        Assert.Equal((defaults.SendBatchSize, defaults.DispatchBatchSize), (options.SendBatchSize, options.DispatchBatchSize));
    }

    [Fact]
    public void TheFormerRecurringJobIdsAreRemovedAtStartupAndTheNewOnesAdded()
    {
        using var services = ServicesFrom([]);
        var manager = new RecordingJobManager();

        foreach (var definition in services.GetServices<RecurringJobDefinition>())
        {
            definition.AddOrUpdate(manager);
        }

        Assert.Equal(["nudges:dispatch", "nudges:purge-outbox", "nudges:send"], manager.Removed.Order());
        Assert.Superset(new HashSet<string> { "reminders:dispatch", "reminders:send", "reminders:purge-outbox" }, manager.Added.ToHashSet());
    }

    private static ReminderOptions OptionsFrom(Dictionary<string, string?> settings)
    {
        using var services = ServicesFrom(settings);
        return services.GetRequiredService<IOptions<ReminderOptions>>().Value;
    }

    private static ServiceProvider ServicesFrom(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddReminders();
        return builder.Services.BuildServiceProvider();
    }

    private sealed class RecordingJobManager : IRecurringJobManager
    {
        public List<string> Added { get; } = [];

        public List<string> Removed { get; } = [];

        public void AddOrUpdate(string recurringJobId, Job job, string cronExpression, RecurringJobOptions options) => Added.Add(recurringJobId);

        public void Trigger(string recurringJobId) => throw new NotSupportedException();

        public void RemoveIfExists(string recurringJobId) => Removed.Add(recurringJobId);
    }
}
