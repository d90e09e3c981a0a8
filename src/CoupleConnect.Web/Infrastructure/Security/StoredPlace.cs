using System.Globalization;
using System.Text.Json;

namespace CoupleConnect.Web.Infrastructure.Security;

/// <summary>
/// Names the place an encrypted value is stored (table, column, row key) for <see cref="FieldEncryptor"/>'s associated
/// data. A JSON array, so no two places give the same text whatever their parts contain.
/// </summary>
public static class StoredPlace
{
    public static string Of(string table, string column, params string[] rowKey) =>
        JsonSerializer.Serialize<string[]>([table, column, .. rowKey]);

    /// <summary>
    /// A key value as text, the same as PostgreSQL's <c>::text</c> gives for its column (uuid lower-case with hyphens,
    /// date as yyyy-MM-dd), so the migrate step can read keys with plain SQL and bind values exactly as EF does.
    /// </summary>
    public static string KeyText(object keyValue) => keyValue switch
    {
        string text => text,
        Guid id => id.ToString("D"),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        int or long or short => ((IFormattable)keyValue).ToString(null, CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"A row key of type {keyValue.GetType().Name} has no text form for binding encrypted values; add one here."),
    };
}
