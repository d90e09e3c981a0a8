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
}
