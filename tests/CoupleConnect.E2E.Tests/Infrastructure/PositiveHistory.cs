using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Positives;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoupleConnect.E2E.Tests.Infrastructure;

/// <summary>
/// Weeks of small positives no test has the time (or the rate limit) to log by hand, made straight in the app's
/// database through its own entities (so the notes are encrypted as the app writes them), the way the demo seeder does.
/// </summary>
public static class PositiveHistory
{
    private static readonly string[] Notes =
    [
        "Made me tea without asking when I got home late.",
        "Listened to the whole story about the train, twice.",
        "Picked up my parcel from the neighbours.",
        "Said the presentation went well before I even asked.",
        "A long hug in the kitchen.",
        "Put our phones away and cooked together.",
        "Fixed the wobbly shelf I kept complaining about.",
    ];

    private static readonly string[] Thanks =
    [
        "Thank you for the walk by the river tonight.",
        "You made the evening feel easy.",
        "The way you laughed at my terrible joke.",
        "That you called my mum back for me.",
    ];

    /// <summary>
    /// Twelve weeks of history both ways, up to yesterday in the couple's zone (fixed seed, so every run looks the
    /// same): most days a thing or two each way, gratitude most evenings, many acknowledged, one quiet day eleven days
    /// ago and both partners active on each of the ten days since (a ten-day streak waiting for today).
    /// </summary>
    public static async Task SeedPositiveHistoryAsync(this AppFixture app, string firstId, string secondId, int weeks = 12)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var couple = await db.Couples
            .Where(couple => couple.EndedAt == null && couple.Members.Any(member => member.UserId == firstId && member.LeftAt == null))
            .Select(couple => new { couple.Id, couple.HomeTimeZoneId })
            .SingleAsync();
        var zone = TimeZoneId.Parse(couple.HomeTimeZoneId);
        var today = zone.LocalDate(DateTimeOffset.UtcNow);
        var random = new Random(6);
        var kinds = Enum.GetValues<PositiveKind>().Where(kind => kind != PositiveKind.Gratitude).ToArray();

        for (var daysBack = 7 * weeks - 1; daysBack >= 1; daysBack--)
        {
            var day = today.AddDays(-daysBack);
            if (daysBack == 11)
            {
                continue; // the quiet day before the current streak
            }

            foreach (var (author, about) in new[] { (firstId, secondId), (secondId, firstId) })
            {
                var count = daysBack <= 10 ? random.Next(1, 3) : random.Next(0, 3);
                for (var index = 0; index < count; index++)
                {
                    var at = At(zone, day, 9 + (5 * index) + random.Next(0, 4), random);
                    var note = random.NextDouble() < 0.5 ? Note(Notes[random.Next(Notes.Length)]) : null;
                    var positive = Positive.Log(couple.Id, author, about, kinds[random.Next(kinds.Length)], note, day, day, at);
                    AcknowledgeSometimes(positive, about, at, random);
                    db.Positives.Add(positive);
                }

                if (random.NextDouble() < 0.5)
                {
                    var at = At(zone, day, 21, random);
                    var gratitude = Positive.Gratitude(couple.Id, author, about, Note(Thanks[random.Next(Thanks.Length)])!, day, at);
                    AcknowledgeSometimes(gratitude, about, at, random);
                    db.Positives.Add(gratitude);
                }
            }
        }

        await db.SaveChangesAsync();
    }

    private static void AcknowledgeSometimes(Positive positive, string about, DateTimeOffset at, Random random)
    {
        if (random.NextDouble() < 0.6)
        {
            positive.Acknowledge(about, at.AddHours(1));
        }
    }

    private static DateTimeOffset At(TimeZoneId zone, DateOnly day, int hour, Random random)
    {
        var local = day.ToDateTime(new TimeOnly(Math.Min(hour, 22), random.Next(0, 60)));
        return new DateTimeOffset(local, zone.Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static PositiveNote? Note(string text) =>
        PositiveNote.TryParse(text, "note", out var note, out var problem) ? note : throw new InvalidOperationException(problem);
}
