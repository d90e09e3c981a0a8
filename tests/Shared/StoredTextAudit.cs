using System.Globalization;
using CoupleConnect.Web.Infrastructure.Security;
using Npgsql;

namespace CoupleConnect.Tests.Shared;

/// <summary>
/// Every text value in the app's tables (schema public), read with plain SQL and decrypted where it is encrypted, held
/// against what no form may let in: control characters (NUL and the like; tabs and line breaks are fine), bidi
/// override characters, and, in plaintext columns (names, addresses, zones), markup and zero-width characters.
/// Columns are found from information_schema, so new ones are covered.
/// </summary>
public static class StoredTextAudit
{
    // Machine-written columns that legitimately hold markup or opaque text (key XML, hashes, stamps, JSON blobs, and
    // second-factor secrets, encrypted and bound to their row).
    private static readonly HashSet<string> MachineColumns = new(StringComparer.Ordinal)
    {
        "data_protection_keys.xml",
        "AspNetUserTokens.value",
        "AspNetUsers.password_hash",
        "AspNetUsers.security_stamp",
        "AspNetUsers.concurrency_stamp",
        "AspNetRoles.concurrency_stamp",
        "__EFMigrationsHistory.product_version",
    };

    /// <summary>"table.column: problem" for each value that breaks a rule (empty when the stored data is clean).</summary>
    public static async Task<IReadOnlyList<string>> ProblemsAsync(string connectionString, FieldEncryptor encryptor)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var columns = new List<(string Table, string Column)>();
        await using (var command = dataSource.CreateCommand(
            """
            SELECT table_name, column_name FROM information_schema.columns
            WHERE table_schema = 'public' AND data_type IN ('text', 'character varying')
            ORDER BY table_name, column_name
            """))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var problems = new List<string>();
        foreach (var (table, column) in columns.Where(column => !MachineColumns.Contains($"{column.Table}.{column.Column}")))
        {
            // Field text is bound to its row (docs/adr/0017): the key columns, as text, name the place it decrypts at.
            var keyColumns = await PrimaryKeyColumnsAsync(dataSource, table);
            var keyTexts = string.Concat(keyColumns.Select(key => key.Type == "date" ? $", to_char(\"{key.Name}\", 'YYYY-MM-DD')" : $", \"{key.Name}\"::text"));
            await using var command = dataSource.CreateCommand($"SELECT \"{column}\"{keyTexts} FROM \"{table}\" WHERE \"{column}\" IS NOT NULL");
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var stored = reader.GetString(0);
                var encrypted = FieldEncryptor.IsEncryptedFormat(stored);
                var rowKey = Enumerable.Range(1, keyColumns.Count).Select(reader.GetString).ToArray();
                var value = !encrypted ? stored
                    : stored.StartsWith(FieldEncryptor.RowBoundPrefix, StringComparison.Ordinal) ? encryptor.Decrypt(stored, StoredPlace.Of(table, column, rowKey))
                    : encryptor.Decrypt(stored, StoredPlace.Of(table, column));
                if (ProblemWith(value, plaintext: !encrypted) is { } problem)
                {
                    problems.Add($"{table}.{column}: {problem} in \"{Visible(value)}\"");
                }
            }
        }

        return problems;
    }

    private static async Task<List<(string Name, string Type)>> PrimaryKeyColumnsAsync(NpgsqlDataSource dataSource, string table)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT a.attname, format_type(a.atttypid, NULL) FROM pg_index i
            JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
            WHERE i.indrelid = format('%I', $1)::regclass AND i.indisprimary
            ORDER BY array_position(i.indkey::int2[], a.attnum)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = table });
        await using var reader = await command.ExecuteReaderAsync();
        var keys = new List<(string Name, string Type)>();
        while (await reader.ReadAsync())
        {
            keys.Add((reader.GetString(0), reader.GetString(1)));
        }

        return keys;
    }

    private static string? ProblemWith(string value, bool plaintext)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            {
                return $"control character U+{(int)c:X4}";
            }

            if (c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069')
            {
                return $"bidi override U+{(int)c:X4}";
            }

            if (plaintext && c is '<' or '>')
            {
                return "markup";
            }

            if (plaintext && c is not ('\u200D' or '\u200C') && char.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                return $"invisible character U+{(int)c:X4}";
            }
        }

        return null;
    }

    private static string Visible(string value) =>
        string.Concat(value.Take(60).Select(c => char.IsControl(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format ? $"\\u{(int)c:X4}" : c.ToString()));
}
