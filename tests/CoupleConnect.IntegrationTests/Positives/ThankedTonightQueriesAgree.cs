using CoupleConnect.Domain.Common;
using CoupleConnect.Domain.Positives;
using CoupleConnect.IntegrationTests.Infrastructure;
using CoupleConnect.Web.Features.Positives;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CoupleConnect.IntegrationTests.Positives;

/// <summary>
/// The two readings of "already thanked tonight" (EF for the card and the send check, set-based SQL for the
/// dispatcher's batches) answer exactly as the domain rule does, around midnights, a daylight-saving change and a
/// partner away from the home zone.
/// </summary>
public sealed class ThankedTonightQueriesAgree(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly TimeZoneId NewYork = TimeZoneId.Parse("America/New_York");
    private static readonly TimeZoneId Berlin = TimeZoneId.Parse("Europe/Berlin");

    [Fact]
    public async Task TheQueryForAFewPeopleAndTheDispatchersBatchQueryBothFollowTheWritersOwnNight()
    {
        // Home zone Berlin (Alex); Sam in New York, which springs forward on 8 March 2026.
        var couple = await app.Driver.PairNewAsync("Alex", "Sam", "Europe/Berlin", "America/New_York");
        var (alex, sam) = (couple.Inviter.Id, couple.Partner.Id);
        var entries = new[]
        {
            Gratitude(couple.CoupleId, sam, alex, Utc(3, 8, 4, 30)), // 23:30 on 7 March in New York
            Gratitude(couple.CoupleId, sam, alex, Utc(3, 8, 21, 0)), // 17:00 on 8 March in New York, 22:00 in Berlin
            Gratitude(couple.CoupleId, sam, alex, Utc(3, 9, 4, 0)), // 00:00 on 9 March in New York, to the second
            Noticed(couple.CoupleId, alex, sam, Utc(3, 8, 12, 0)), // a noticed positive of kind gratitude is not tonight's
        };
        await using (var db = await NewContextAsync())
        {
            db.Positives.AddRange(entries);
            await db.SaveChangesAsync();
        }

        (string Writer, GratitudeTonight Tonight, bool Expected)[] asked =
        [
            (sam, GratitudeTonight.Of(NewYork, Utc(3, 9, 1, 0), Utc(3, 9, 1, 0)), true), // the 21:00 reminder on 8 March (02:00 next day in Berlin)
            (sam, GratitudeTonight.Now(NewYork, Utc(3, 8, 4, 45)), true), // 23:45 on 7 March: the 23:30 thanks
            (sam, GratitudeTonight.Now(NewYork, Utc(3, 8, 20, 0)), false), // 16:00 on 8 March: the 23:30 thanks were last night
            (sam, GratitudeTonight.Now(NewYork, Utc(3, 9, 0, 30)), true), // 20:30 on 8 March: the thanks of 17:00
            (sam, GratitudeTonight.Of(NewYork, Utc(3, 10, 1, 0), Utc(3, 10, 1, 0)), true), // the 9 March reminder: the thanks at its midnight
            (sam, GratitudeTonight.Now(NewYork, Utc(3, 9, 3, 59)), true), // 23:59 on 8 March: still the thanks of 17:00, not yet those of midnight
            (alex, GratitudeTonight.Now(Berlin, Utc(3, 8, 20, 0)), false), // Alex only noticed something
        ];

        foreach (var (writer, tonight, expected) in asked)
        {
            var who = new TonightsWriter(couple.CoupleId, writer, tonight);
            var byRule = entries.Any(entry => entry.IsEveningGratitude && entry.AuthorId == writer && tonight.Includes(entry.CreatedAt));
            await using var db = await NewContextAsync();
            var byEf = (await ThankedTonight.WhoAsync(db, [who], CancellationToken.None)).Contains(writer);
            await using var connection = new NpgsqlConnection(app.Factory.ConnectionString);
            await connection.OpenAsync();
            var bySql = (await ThankedTonight.WhoAsync(connection, null, [who], CancellationToken.None)).Contains(writer);

            Assert.True((expected, expected, expected) == (byRule, byEf, bySql), $"{writer} for {tonight}: expected {expected}, rule {byRule}, EF {byEf}, SQL {bySql}");
        }
    }

    private static DateTimeOffset Utc(int month, int day, int hour, int minute) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    private static Positive Gratitude(Guid coupleId, string author, string about, DateTimeOffset writtenAt) =>
        Positive.Gratitude(coupleId, author, about, Note("Thank you."), Berlin.LocalDate(writtenAt), writtenAt);

    private static Positive Noticed(Guid coupleId, string author, string about, DateTimeOffset writtenAt) =>
        Positive.Log(coupleId, author, about, PositiveKind.Gratitude, Note("Thanks for the lift."), Berlin.LocalDate(writtenAt), Berlin.LocalDate(writtenAt), writtenAt);

    private static PositiveNote Note(string text) => PositiveNote.TryParse(text, "note", out var note, out _) ? note! : throw new ArgumentException(text);

    private Task<AppDbContext> NewContextAsync() => app.Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
}
