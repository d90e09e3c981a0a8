using CoupleConnect.Web;
using CoupleConnect.Web.Components;
using CoupleConnect.Web.Features.Accounts;
using CoupleConnect.Web.Features.Accounts.Theme;
using CoupleConnect.Web.Features.CheckIns;
using CoupleConnect.Web.Features.Couples;
using CoupleConnect.Web.Features.Dashboard;
using CoupleConnect.Web.Features.Demo;
using CoupleConnect.Web.Features.DevMailbox;
using CoupleConnect.Web.Features.Goals;
using CoupleConnect.Web.Features.Help;
using CoupleConnect.Web.Features.Install;
using CoupleConnect.Web.Features.Needs;
using CoupleConnect.Web.Features.Positives;
using CoupleConnect.Web.Features.Privacy;
using CoupleConnect.Web.Features.QuickExit;

using CoupleConnect.Web.Features.Reminders;
using CoupleConnect.Web.Features.Rituals;
using CoupleConnect.Web.Features.SessionSummaries;

using CoupleConnect.Web.Features.Story;
using CoupleConnect.Web.Features.Talks;
using CoupleConnect.Web.Features.Temperature;
using CoupleConnect.Web.Features.TimeOuts;
using CoupleConnect.Web.Infrastructure;
using CoupleConnect.Web.Infrastructure.Circuits;
using CoupleConnect.Web.Infrastructure.Data;
using CoupleConnect.Web.Infrastructure.Email;
using CoupleConnect.Web.Infrastructure.Health;
using CoupleConnect.Web.Infrastructure.Jobs;
using CoupleConnect.Web.Infrastructure.Performance;
using CoupleConnect.Web.Infrastructure.Security;
using CoupleConnect.Web.Infrastructure.Time;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSingleton(TimeProvider.System);
builder.AddObservability();
builder.AddDatabase();
builder.AddDataProtection();
builder.AddPublicUrl();
builder.AddEmail();
builder.AddAccounts();
builder.AddCouples();
builder.AddCheckIns();
builder.AddPrivacy();
builder.AddPositives();
builder.AddRituals();
builder.AddNeeds();
builder.AddGoals();

builder.AddStory();
builder.AddTalks();
builder.AddTemperature();
builder.AddTimeOuts();
builder.AddDashboard();
builder.AddHelp();
builder.AddSessionSummaries();
builder.AddQuickExit();
builder.AddInstall();
builder.AddDemo();
builder.AddReminders();
builder.AddJobs();
builder.AddHealth();
builder.AddUserInterface();
builder.AddCircuitAdmission();
builder.AddSecurityHeaders();
builder.AddTrustedProxies();
builder.AddStaticFileCompression();

var app = builder.Build();
app.UseTrustedProxies();

// `dotnet CoupleConnect.Web.dll --migrate` applies migrations and exits: the production way (docs/adr/0008).
if (args.Contains("--migrate"))
{
    await app.Services.MigrateDatabaseAsync();
    return;
}

if (app.Configuration.GetValue<bool?>("CoupleConnect:ApplyMigrationsAtStartup") ?? app.Environment.IsDevelopment())
{
    await app.Services.MigrateDatabaseAsync();
}

await app.EnsureDurableDatabaseAsync();
await app.LearnWhetherFieldTextIsBoundAsync();
await app.SeedDemoIfAskedAsync(args);

if (app.Environment.IsDevelopment())
{
    app.UseMigrationsEndPoint();
}
else
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}

app.UseSecurityHeaders();
app.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true);
app.UseHttpsRedirectionWhereTheAppServesHttps();
app.UseRateLimiter();
app.UseCircuitAdmission();
app.UseAntiforgery();
app.UseStaticFileCompression();
app.UsePersonLocale();
app.UseThemeOfTheRequest();

app.MapStaticAssets();
app.MapHealth();
app.MapJobsDashboard();
app.MapDevMailbox();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode(server => server.ContentSecurityFrameAncestorsPolicy = null); // SecurityHeaders sends the one CSP
app.MapAccounts();
app.MapCouples();
app.MapReminders();
app.MapRituals();

await app.RunAsync();

/// <summary>Entry point; public so the test projects' WebApplicationFactory can start the app.</summary>
public partial class Program;
