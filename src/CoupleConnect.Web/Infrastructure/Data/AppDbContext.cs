using CoupleConnect.Domain.CheckIns;
using CoupleConnect.Domain.Couples;
using CoupleConnect.Domain.Goals;
using CoupleConnect.Domain.Needs;
using CoupleConnect.Domain.Positives;
using CoupleConnect.Domain.Reminders;
using CoupleConnect.Domain.Rituals;
using CoupleConnect.Domain.Story;
using CoupleConnect.Domain.Talks;
using CoupleConnect.Domain.TimeOuts;
using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CoupleConnect.Web.Infrastructure.Data;

public partial class AppDbContext(DbContextOptions<AppDbContext> options, FieldEncryptor fieldEncryptor, ILogger<AppDbContext>? logger = null)
    : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext, IEncryptedFieldsContext
{
    // The domain's tables are named here, not by their features: queries use them inside expression trees (subqueries),
    // where C# 14 extension properties are not allowed (CS9296), and the couple-wide rules (sharing, archives) read
    // several features' tables. Web-only tables are declared by their feature (e.g. CheckInPreferenceTable).
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Couple> Couples => Set<Couple>();

    public DbSet<CoupleMember> CoupleMembers => Set<CoupleMember>();

    public DbSet<Invite> Invites => Set<Invite>();

    public DbSet<Question> Questions => Set<Question>();

    public DbSet<DailyQuestion> DailyQuestions => Set<DailyQuestion>();

    public DbSet<CheckInAnswer> CheckInAnswers => Set<CheckInAnswer>();

    public DbSet<ReminderPreferences> ReminderPreferences => Set<ReminderPreferences>();

    public DbSet<ReminderSchedule> ReminderSchedules => Set<ReminderSchedule>();

    public DbSet<ReminderOutboxEntry> ReminderOutbox => Set<ReminderOutboxEntry>();

    public DbSet<PushDevice> PushDevices => Set<PushDevice>();

    public DbSet<ReminderChannelChoice> ReminderChannelChoices => Set<ReminderChannelChoice>();

    public DbSet<Positive> Positives => Set<Positive>();

    public DbSet<Ritual> Rituals => Set<Ritual>();

    public DbSet<RitualOutcome> RitualOutcomes => Set<RitualOutcome>();

    public DbSet<RitualNote> RitualNotes => Set<RitualNote>();

    public DbSet<MonthlyReflection> MonthlyReflections => Set<MonthlyReflection>();

    public DbSet<RitualReminder> RitualReminders => Set<RitualReminder>();

    public DbSet<Need> Needs => Set<Need>();

    public DbSet<NeedVersion> NeedVersions => Set<NeedVersion>();

    public DbSet<NeedAnswer> NeedAnswers => Set<NeedAnswer>();

    public DbSet<Talk> Talks => Set<Talk>();

    public DbSet<TalkTurn> TalkTurns => Set<TalkTurn>();

    public DbSet<TalkNextStep> TalkNextSteps => Set<TalkNextStep>();

    public DbSet<TimeOut> TimeOuts => Set<TimeOut>();

    public DbSet<TimeOutNote> TimeOutNotes => Set<TimeOutNote>();

    public DbSet<Goal> Goals => Set<Goal>();

    public DbSet<GoalNote> GoalNotes => Set<GoalNote>();

    public DbSet<StoryMoment> StoryMoments => Set<StoryMoment>();

    public DbSet<StorySide> StorySides => Set<StorySide>();

    public DbSet<Domain.Temperature.TemperatureAnswer> TemperatureAnswers => Set<Domain.Temperature.TemperatureAnswer>();

    /// <summary>Encrypts every property a configuration marked with <c>IsEncrypted()</c>, bound to its row (docs/adr/0017).</summary>
    public FieldEncryptor FieldEncryptor { get; } = fieldEncryptor;

    public ILogger? FieldEncryptionLogger { get; } = logger;

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.AddInterceptors(RowBoundFieldInterceptor.All);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        builder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
        builder.ApplyFieldEncryption();
        ApplyCoupleFilters(builder);
    }
}
