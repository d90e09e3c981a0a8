using CoupleConnect.Domain.CheckIns;
using CoupleConnect.Domain.Couples;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Features.CheckIns;

/// <summary>The couple's chosen question depth and topics; no row means <see cref="DepthPreference.Automatic"/> and every topic.</summary>
public sealed class CheckInPreference : ICoupleKeyed
{
    public Guid CoupleId { get; set; }

    public DepthPreference Depth { get; set; } = DepthPreference.Automatic;

    /// <summary>The topics the couple chose; empty means every topic.</summary>
    public List<QuestionCategory> Topics { get; set; } = [];
}

/// <summary>The couples' daily-question preferences. Declared here, by the feature that owns it, so the DbContext names no feature.</summary>
public static class CheckInPreferenceTable
{
    extension(AppDbContext db)
    {
        public DbSet<CheckInPreference> CheckInPreferences => db.Set<CheckInPreference>();
    }
}
