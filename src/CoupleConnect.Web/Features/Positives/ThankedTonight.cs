using CoupleConnect.Domain.Positives;
using CoupleConnect.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace CoupleConnect.Web.Features.Positives;

/// <summary>Someone whose tonight is asked about: the couple they thank in, and their <see cref="GratitudeTonight"/>.</summary>
public sealed record TonightsWriter(Guid CoupleId, string AuthorId, GratitudeTonight Tonight);

/// <summary>
/// Who already wrote tonight's gratitude (<see cref="GratitudeTonight"/>, docs/adr/0024), the one query for it: through
/// EF for a few people (the gratitude card, the reminder's last check before sending) and as set-based SQL for the
/// dispatcher's batches of thousands. Tests hold both to the domain rule.
/// </summary>
public static class ThankedTonight
{
    private const string BatchSql = """
        SELECT DISTINCT p.author_id
        FROM unnest(@couples, @authors, @since, @until) AS wanted(couple_id, author_id, since, until)
        JOIN positives p ON p.author_id = wanted.author_id AND p.couple_id = wanted.couple_id
             AND p.created_at >= wanted.since AND p.created_at <= wanted.until
        WHERE p.is_evening_gratitude
        """;

    public static async Task<HashSet<string>> WhoAsync(AppDbContext db, IReadOnlyCollection<TonightsWriter> writers, CancellationToken cancellationToken)
    {
        if (writers.Count == 0)
        {
            return [];
        }

        var authors = writers.Select(writer => writer.AuthorId).Distinct().ToList();
        var since = writers.Min(writer => writer.Tonight.Since);
        // Across couples: the reminder's send check asks for people of many couples; each writer names their couple,
        // compared below.
        var written = await db.Positives.AsNoTracking().AcrossCouples()
            .Where(positive => positive.IsEveningGratitude && authors.Contains(positive.AuthorId) && positive.CreatedAt >= since)
            .Select(positive => new { positive.CoupleId, positive.AuthorId, positive.CreatedAt })
            .ToListAsync(cancellationToken);
        return writers
            .Where(writer => written.Any(entry => entry.CoupleId == writer.CoupleId && entry.AuthorId == writer.AuthorId && writer.Tonight.Includes(entry.CreatedAt)))
            .Select(writer => writer.AuthorId)
            .ToHashSet();
    }

    /// <summary>The same question for a dispatch batch, in the dispatcher's transaction: one round trip however many ask.</summary>
    public static async Task<HashSet<string>> WhoAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyCollection<TonightsWriter> writers, CancellationToken cancellationToken)
    {
        var thanked = new HashSet<string>();
        if (writers.Count == 0)
        {
            return thanked;
        }

        await using var command = new NpgsqlCommand(BatchSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter("couples", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = writers.Select(writer => writer.CoupleId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("authors", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = writers.Select(writer => writer.AuthorId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("since", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = writers.Select(writer => writer.Tonight.Since.UtcDateTime).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("until", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = writers.Select(writer => writer.Tonight.Until.UtcDateTime).ToArray() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            thanked.Add(reader.GetString(0));
        }

        return thanked;
    }
}
