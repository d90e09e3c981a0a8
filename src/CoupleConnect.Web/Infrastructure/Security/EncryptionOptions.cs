namespace CoupleConnect.Web.Infrastructure.Security;

/// <summary>
/// Keys for encrypting partners' text at rest. They come from configuration or a key file, never from the
/// database, so a dump or backup alone reveals nothing. See docs/adr/0004-field-encryption-at-rest.md.
/// </summary>
public sealed class EncryptionOptions
{
    public const string SectionName = "CoupleConnect:Encryption";

    /// <summary>Path of a JSON file <c>{ "currentKeyId": "k1", "keys": { "k1": "base64 of 32 bytes" } }</c>.</summary>
    public string? KeyFile { get; set; }

    /// <summary>The key new values are encrypted with; the others only decrypt (rotation).</summary>
    public string? CurrentKeyId { get; set; }

    /// <summary>Key id → base64 of a 32-byte AES-256 key.</summary>
    public Dictionary<string, string> Keys { get; set; } = [];
}
