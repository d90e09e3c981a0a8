using System.Linq.Expressions;
using CoupleConnect.Domain.CheckIns;
using CoupleConnect.Domain.Couples;
using CoupleConnect.Domain.Rituals;
using CoupleConnect.Domain.SessionSummaries;
using CoupleConnect.Domain.Talks;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Infrastructure.Data;

/// <summary>
/// Couple scope as a mechanism (docs/adr/0025-couple-scope-as-a-query-filter.md): every <see cref="ICoupleOwned"/> entity
/// has the named query filter <see cref="CoupleFilter.Name"/>, which shows only the rows of the couple this context was
/// opened for. A context opened for no couple sees no couple-owned rows at all, so code that must cross couples (jobs,
/// the reminder dispatcher, archives, admin counts) says so with <see cref="CoupleFilter.AcrossCouples{T}"/>.
/// </summary>
public partial class AppDbContext
{
    /// <summary>The couple this context was opened for (by <c>CoupleDb</c>), or null: then couple-owned rows are hidden.</summary>
    public Guid? ScopedCoupleId { get; private set; }

    /// <summary>Limits this context to one couple's rows. A context is opened for one couple only, once.</summary>
    public AppDbContext ScopeTo(Guid coupleId)
    {
        if (ScopedCoupleId is { } scoped && scoped != coupleId)
        {
            throw new InvalidOperationException("This context is already opened for another couple.");
        }

        ScopedCoupleId = coupleId;
        return this;
    }

    private void ApplyCoupleFilters(ModelBuilder builder)
    {
        // Written against `this` so that EF reads ScopedCoupleId from whichever context runs the query.
        var scopedCoupleId = Expression.Property(Expression.Constant(this), nameof(ScopedCoupleId));
        foreach (var entityType in builder.Model.GetEntityTypes().Where(type => typeof(ICoupleKeyed).IsAssignableFrom(type.ClrType)))
        {
            var row = Expression.Parameter(entityType.ClrType, "row");
            var sameCouple = Expression.Equal(Expression.Convert(Expression.Property(row, nameof(ICoupleKeyed.CoupleId)), typeof(Guid?)), scopedCoupleId);
            builder.Entity(entityType.ClrType).HasQueryFilter(CoupleFilter.Name, Expression.Lambda(sameCouple, row));
        }

        // Rows that belong to a couple through their parent.
        builder.Entity<CheckInAnswer>().HasQueryFilter(CoupleFilter.Name, answer => DailyQuestions.Any(daily => daily.Id == answer.DailyQuestionId && daily.CoupleId == ScopedCoupleId));
        builder.Entity<RitualNote>().HasQueryFilter(CoupleFilter.Name, note => Rituals.Any(ritual => ritual.Id == note.RitualId && ritual.CoupleId == ScopedCoupleId));
        builder.Entity<MonthlyReflection>().HasQueryFilter(CoupleFilter.Name, entry => Rituals.Any(ritual => ritual.Id == entry.RitualId && ritual.CoupleId == ScopedCoupleId));
        builder.Entity<RitualReminder>().HasQueryFilter(CoupleFilter.Name, reminder => Rituals.Any(ritual => ritual.Id == reminder.RitualId && ritual.CoupleId == ScopedCoupleId));
        builder.Entity<TalkTurn>().HasQueryFilter(CoupleFilter.Name, turn => Talks.Any(talk => talk.Id == turn.TalkId && talk.CoupleId == ScopedCoupleId));
        builder.Entity<SummaryTick>().HasQueryFilter(CoupleFilter.Name, tick => SessionSummaries.Any(summary => summary.Id == tick.SummaryId && summary.CoupleId == ScopedCoupleId));
        builder.Entity<TalkNextStep>().HasQueryFilter(CoupleFilter.Name, step => Talks.Any(talk => talk.Id == step.TalkId && talk.CoupleId == ScopedCoupleId));
    }
}
