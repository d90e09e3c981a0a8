using CoupleConnect.Domain.SessionSummaries;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Infrastructure;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.SessionSummaries;

/// <summary>
/// A summary for the couple's therapist, made only when both agree (docs/adr/0039). Always the signed-in person's own
/// couple; each person ticks only their own entries, and only entries a feature says were already shown to the partner.
/// </summary>
public sealed class SessionSummaryService(
    CurrentCouple currentCouple,
    IDbContextFactory<AppDbContext> dbFactory,
    IEnumerable<ISessionSummarySource> sources,
    CoupleNotifier notifier,
    TimeProvider timeProvider)
{
    public const string NotPairedMessage = "A summary for a therapist can be made once your partner has joined you.";
    public const string MovedOnMessage = "Your partner changed this summary at the same moment. Here it is as it stands now.";

    private static readonly TimeSpan RecentlyEnded = TimeSpan.FromDays(30);

    public async Task<SummaryOverview?> GetAsync(CancellationToken cancellationToken = default)
    {
        var scope = await currentCouple.GetAsync(cancellationToken);
        if (scope is null)
        {
            return null;
        }

        var now = timeProvider.GetUtcNow();
        await using var db = await CoupleDb.OpenAsync(dbFactory, scope.CoupleId, cancellationToken);
        var summaries = await db.SessionSummaries.AsNoTracking().Include(summary => summary.Ticks).OrderByDescending(summary => summary.ProposedAt).Take(10).ToListAsync(cancellationToken);
        var live = summaries.FirstOrDefault(summary => summary.IsLiveAt(now));
        // What ended lately, so the page can say so plainly ("Sam declined", "You withdrew it").
        var lastEnded = live is null ? summaries.FirstOrDefault(summary => summary.ProposedAt > now - RecentlyEnded) : null;
        return new SummaryOverview(
            scope.PartnerName,
            scope.TodayAt(now),
            live is null ? null : new SummaryState(live.StatusAt(now), live.From, live.To, live.ProposedById == scope.UserId, live.AvailableUntil, live.TicksOf(scope.UserId, now)),
            lastEnded?.StatusAt(now),
            lastEnded is not null && (lastEnded.WithdrawnById == scope.UserId || (lastEnded.DeclinedAt is not null && lastEnded.PartnerId == scope.UserId)));
    }

    /// <summary>The signed-in person's own entries in a range they may tick (each source's shared-only rule applies).</summary>
    public async Task<IReadOnlyList<SummaryEntry>> MyEntriesAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var scope = await currentCouple.GetAsync(cancellationToken);
        return scope is null || from > to ? [] : await EntriesOfAsync(ScopeFor(scope, from, to, timeProvider.GetUtcNow()), scope.UserId, cancellationToken);
    }

    public async Task<ServiceResult> ProposeAsync(DateOnly from, DateOnly to, IReadOnlyCollection<EntryKey> ticks, CancellationToken cancellationToken = default)
    {
        var scope = await currentCouple.GetAsync(cancellationToken);
        if (scope is null)
        {
            return ServiceResult.Fail(new ServiceError(ServiceErrorCode.NotPaired, NotPairedMessage));
        }

        var now = timeProvider.GetUtcNow();
        await using var db = await CoupleDb.OpenAsync(dbFactory, scope.CoupleId, cancellationToken);
        try
        {
            var earlier = await db.SessionSummaries.ToListAsync(cancellationToken);
            var summary = SessionSummary.Propose(scope.CoupleId, scope.UserId, scope.PartnerId, from, to, scope.TodayAt(now), ticks, earlier, now);
            await EnsureOwnEntriesAsync(ScopeFor(scope, from, to, timeProvider.GetUtcNow()), scope.UserId, ticks, cancellationToken);
            db.SessionSummaries.Add(summary);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (SessionSummaryRuleException refused)
        {
            return ServiceResult.Fail(refused.Message);
        }

        await notifier.PublishAsync(scope.CoupleId, CoupleChange.SessionSummaryChanged);
        return ServiceResult.Ok;
    }

    public Task<ServiceResult> AcceptAsync(IReadOnlyCollection<EntryKey> ticks, CancellationToken cancellationToken = default) =>
        ChangeAsync(ticks, (summary, scope, now) => summary.Accept(scope.UserId, ticks, now), cancellationToken);

    public Task<ServiceResult> DeclineAsync(CancellationToken cancellationToken = default) =>
        ChangeAsync([], (summary, scope, now) => summary.Decline(scope.UserId, now), cancellationToken);

    public Task<ServiceResult> WithdrawAsync(CancellationToken cancellationToken = default) =>
        ChangeAsync([], (summary, scope, now) => summary.Withdraw(scope.UserId, now), cancellationToken);

    public Task<ServiceResult> ChooseEntriesAsync(IReadOnlyCollection<EntryKey> ticks, CancellationToken cancellationToken = default) =>
        ChangeAsync(ticks, (summary, scope, now) => summary.ChooseEntries(scope.UserId, ticks, now), cancellationToken);

    /// <summary>
    /// The printable summary, or null unless both have agreed and it is within its 14 days. Each partner's entries are
    /// read afresh through their sources, so anything deleted or no longer shared since it was ticked is not in it.
    /// </summary>
    public async Task<PrintableSummary?> PrintableAsync(CancellationToken cancellationToken = default)
    {
        var scope = await currentCouple.GetAsync(cancellationToken);
        if (scope is null)
        {
            return null;
        }

        var now = timeProvider.GetUtcNow();
        SessionSummary? summary;
        await using (var db = await CoupleDb.OpenAsync(dbFactory, scope.CoupleId, cancellationToken))
        {
            summary = (await db.SessionSummaries.AsNoTracking().Include(summary => summary.Ticks).ToListAsync(cancellationToken))
                .FirstOrDefault(summary => summary.StatusAt(now) == SessionSummaryStatus.Available);
        }

        if (summary is null)
        {
            return null;
        }

        var summaryScope = ScopeFor(scope, summary.From, summary.To, now);
        var sections = new List<SummarySection>();
        foreach (var source in sources)
        {
            if (await source.SectionAsync(summaryScope, cancellationToken) is { } section)
            {
                sections.Add(section);
            }
        }

        var entries = new List<PrintedEntries>();
        // By name, like every figure on the sheet, so both partners read the same page.
        foreach (var (authorId, name) in summaryScope.PartnerNames.OrderBy(partner => partner.Value, StringComparer.CurrentCulture).ThenBy(partner => partner.Key, StringComparer.Ordinal))
        {
            var ticked = summary.TicksOf(authorId, now).ToHashSet();
            var chosen = (await EntriesOfAsync(summaryScope, authorId, cancellationToken)).Where(entry => ticked.Contains(new EntryKey(entry.Kind, entry.Id))).ToList();
            entries.Add(new PrintedEntries(name, chosen));
        }

        return new PrintableSummary(scope.CoupleName, summary.From, summary.To, summary.AvailableUntil!.Value, sections.OrderBy(section => section.Order).ToList(), entries);
    }

    /// <summary>Listens for the partner's answers and changes, so the page follows without a reload.</summary>
    public async Task<IDisposable?> SubscribeAsync(Func<CoupleChange, Task> onChange, CancellationToken cancellationToken = default)
    {
        var scope = await currentCouple.GetAsync(cancellationToken);
        return scope is null ? null : notifier.Subscribe(scope.CoupleId, onChange);
    }

    private static SessionSummaryScope ScopeFor(CoupleScope scope, DateOnly from, DateOnly to, DateTimeOffset now) =>
        new(scope.CoupleId, from, to, scope.HomeZone.Value, new Dictionary<string, string> { [scope.UserId] = scope.MyName, [scope.PartnerId] = scope.PartnerName }, now);

    private async Task<ServiceResult> ChangeAsync(IReadOnlyCollection<EntryKey> ticks, Action<SessionSummary, CoupleScope, DateTimeOffset> change, CancellationToken cancellationToken)
    {
        var scope = await currentCouple.GetAsync(cancellationToken);
        if (scope is null)
        {
            return ServiceResult.Fail(new ServiceError(ServiceErrorCode.NotPaired, NotPairedMessage));
        }

        var now = timeProvider.GetUtcNow();
        await using var db = await CoupleDb.OpenAsync(dbFactory, scope.CoupleId, cancellationToken);
        var summary = (await db.SessionSummaries.Include(summary => summary.Ticks).ToListAsync(cancellationToken)).FirstOrDefault(summary => summary.IsLiveAt(now));
        if (summary is null)
        {
            return ServiceResult.Fail(new ServiceError(ServiceErrorCode.Gone, SessionSummaryRuleException.MessageFor(SessionSummaryRule.NoLongerAvailable)));
        }

        try
        {
            change(summary, scope, now);
            await EnsureOwnEntriesAsync(ScopeFor(scope, summary.From, summary.To, now), scope.UserId, ticks, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (SessionSummaryRuleException refused)
        {
            return ServiceResult.Fail(refused.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            await notifier.PublishAsync(scope.CoupleId, CoupleChange.SessionSummaryChanged);
            return ServiceResult.Fail(MovedOnMessage);
        }

        await notifier.PublishAsync(scope.CoupleId, CoupleChange.SessionSummaryChanged);
        return ServiceResult.Ok;
    }

    /// <summary>Every tick must be one of the person's own entries that a source offers for the range.</summary>
    private async Task EnsureOwnEntriesAsync(SessionSummaryScope scope, string userId, IReadOnlyCollection<EntryKey> ticks, CancellationToken cancellationToken)
    {
        if (ticks.Count == 0)
        {
            return;
        }

        var mine = (await EntriesOfAsync(scope, userId, cancellationToken)).Select(entry => new EntryKey(entry.Kind, entry.Id)).ToHashSet();
        if (!ticks.All(mine.Contains))
        {
            throw new SessionSummaryRuleException(SessionSummaryRule.NotYourEntry);
        }
    }

    private async Task<IReadOnlyList<SummaryEntry>> EntriesOfAsync(SessionSummaryScope scope, string authorId, CancellationToken cancellationToken)
    {
        var entries = new List<SummaryEntry>();
        foreach (var source in sources)
        {
            entries.AddRange((await source.EntriesAsync(scope, authorId, cancellationToken)).Where(entry => entry.AuthorId == authorId));
        }

        return entries.OrderBy(entry => entry.Day).ThenBy(entry => entry.Kind, StringComparer.Ordinal).ToList();
    }
}
