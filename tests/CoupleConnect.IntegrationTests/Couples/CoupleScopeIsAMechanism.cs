using CoupleConnect.Domain.CheckIns;
using CoupleConnect.Domain.Couples;
using CoupleConnect.Domain.Positives;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.IntegrationTests.Rituals;
using CoupleConnect.Web.Features.CheckIns;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Features.Positives;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace CoupleConnect.IntegrationTests.Couples;

/// <summary>
/// Couple scope is a mechanism (docs/adr/0025-couple-scope-as-a-query-filter.md): every couple-owned entity in the EF
/// model carries the named "Couple" filter, and a context opened for one couple reads none of another's rows.
/// </summary>
public sealed class CoupleScopeIsAMechanism(AppFixture app) : IClassFixture<AppFixture>
{
    /// <summary>
    /// Tables that name a couple without being one couple's private rows, and why. Anything else that points at a
    /// couple, or at a couple-owned row, must be couple-owned itself.
    /// </summary>
    private static readonly Dictionary<string, string> NotCoupleOwned = new(StringComparer.Ordinal)
    {
        ["Couple"] = "the couple itself: CurrentCouple loads it for the signed-in person",
        ["CoupleMember"] = "the membership that decides the scope: read by the scope's own loader",
        ["CalendarFeedKey"] = "one person's secret address, made even while unpaired; it names the couple it was made in",
    };

    private readonly AppDriver _app = app.Driver;

    [Fact]
    public void EveryCoupleOwnedEntityCarriesTheCoupleFilter()
    {
        using var db = NewContext();
        var owned = db.Model.GetEntityTypes().Where(entity => CoupleFilter.IsCoupleOwned(entity.ClrType)).ToList();

        Assert.True(owned.Count >= 8, $"Only {owned.Count} couple-owned entities in the model: the marker is missing somewhere.");
        Assert.All(owned, entity => Assert.True(
            entity.GetDeclaredQueryFilters().Any(filter => filter.Key == CoupleFilter.Name),
            $"{entity.ClrType.Name} is couple-owned but has no \"{CoupleFilter.Name}\" query filter."));
    }

    [Fact]
    public void EveryEntityThatPointsAtACoupleOrItsRowsIsMarkedCoupleOwned()
    {
        using var db = NewContext();
        var couple = db.Model.FindEntityType(typeof(Couple))!;
        bool PointsIntoACouple(IEntityType entity) =>
            entity.GetForeignKeys().Any(key => key.PrincipalEntityType == couple || CoupleFilter.IsCoupleOwned(key.PrincipalEntityType.ClrType))
            || entity.FindProperty("CoupleId") is not null;

        var unmarked = db.Model.GetEntityTypes()
            .Where(entity => !entity.IsOwned() && PointsIntoACouple(entity) && !CoupleFilter.IsCoupleOwned(entity.ClrType) && !NotCoupleOwned.ContainsKey(entity.ClrType.Name))
            .Select(entity => entity.ClrType.Name)
            .ToList();

        Assert.True(unmarked.Count == 0, $"Point at a couple's rows but are not marked {nameof(ICoupleOwned)}: {string.Join(", ", unmarked)}.");
    }

    [Fact]
    public async Task AContextOpenedForACoupleReadsOnlyThatCouplesRowsAndAnUnscopedOneReadsNone()
    {
        var first = await PairWithSomethingOfEachKindAsync("first");
        var second = await PairWithSomethingOfEachKindAsync("second");
        var factory = app.Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();

        using var model = NewContext();
        var owned = model.Model.GetEntityTypes().Where(entity => CoupleFilter.IsCoupleOwned(entity.ClrType)).ToList();
        foreach (var entity in owned)
        {
            var firstRows = await KeysAsync(await CoupleDb.OpenAsync(factory, first.CoupleId), entity);
            var secondRows = await KeysAsync(await CoupleDb.OpenAsync(factory, second.CoupleId), entity);
            var unscoped = await KeysAsync(await factory.CreateDbContextAsync(), entity);
            var across = await KeysAsync(await factory.CreateDbContextAsync(), entity, acrossCouples: true);

            Assert.True(firstRows.Intersect(secondRows).ToList() is [], $"{entity.ClrType.Name}: the two couples' contexts share rows.");
            Assert.True(unscoped.Count == 0, $"{entity.ClrType.Name}: a context opened for no couple read {unscoped.Count} rows.");
            Assert.Subset(across.ToHashSet(), firstRows.Union(secondRows).ToHashSet());
        }

        // The positive control: each couple does see its own rows of every kind it wrote.
        foreach (var kind in new[] { typeof(Positive), typeof(DailyQuestion), typeof(CheckInAnswer), typeof(CheckInPreference), typeof(Domain.Rituals.Ritual), typeof(Domain.Rituals.RitualReminder) })
        {
            var entity = model.Model.FindEntityType(kind)!;
            Assert.NotEmpty(await KeysAsync(await CoupleDb.OpenAsync(factory, first.CoupleId), entity));
            Assert.NotEmpty(await KeysAsync(await CoupleDb.OpenAsync(factory, second.CoupleId), entity));
        }
    }

    [Fact]
    public async Task AContextCannotBeReopenedForAnotherCouple()
    {
        var factory = app.Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await CoupleDb.OpenAsync(factory, Guid.NewGuid());

        Assert.Throws<InvalidOperationException>(() => db.ScopeTo(Guid.NewGuid()));
    }

    private AppDbContext NewContext() => app.Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();

    private async Task<PairedCouple> PairWithSomethingOfEachKindAsync(string name)
    {
        var couple = await _app.PairNewAsync();
        await _app.BothAnswerTodayAsync(couple, $"{name}: an answer", $"{name}: another answer");
        await using (var scope = _app.AsUser(couple.Inviter))
        {
            Assert.True((await scope.Positives.LogAsync(new PositiveInput { Kind = PositiveKind.KindWord, Note = $"{name}: thank you" })).Succeeded);
            Assert.True((await scope.Get<QuestionPreferencesService>().SetDepthAsync(DepthPreference.Deeper)).Succeeded);
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(couple.Inviter.TimeZoneId)).Date);
        await _app.CreateRitualAsync(couple.Inviter, RitualForms.Daily($"{name}: tea", today, "21:00"));
        return couple;
    }

    /// <summary>Every row's primary key, read through <paramref name="db"/> (which this disposes).</summary>
    private static async Task<List<string>> KeysAsync(AppDbContext db, IEntityType entity, bool acrossCouples = false)
    {
        await using (db)
        {
            var set = (IQueryable<object>)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(entity.ClrType).Invoke(db, null)!;
            var rows = await (acrossCouples ? set.AcrossCouples() : set).AsNoTracking().ToListAsync();
            var key = entity.FindPrimaryKey()!.Properties;
            return rows.Select(row => string.Join('|', key.Select(property => property.PropertyInfo!.GetValue(row)))).ToList();
        }
    }
}
