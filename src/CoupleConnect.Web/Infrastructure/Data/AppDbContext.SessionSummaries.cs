using CoupleConnect.Domain.SessionSummaries;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Infrastructure.Data;

public partial class AppDbContext
{
    public DbSet<SessionSummary> SessionSummaries => Set<SessionSummary>();

    public DbSet<SummaryTick> SummaryTicks => Set<SummaryTick>();
}
