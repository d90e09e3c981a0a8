using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CoupleConnect.Web.Infrastructure.Security;

/// <summary>
/// AES-256-GCM for free text a partner writes. Stored form: <c>enc:v1:{keyId}:{base64(nonce | ciphertext | tag)}</c>, or
/// <c>enc:v2:…</c> for values bound to a place, or <c>enc:v3:…</c> for field text bound to its row and column
/// (docs/adr/0017); the key id lets old rows decrypt after the current key is rotated.
/// </summary>
public sealed class FieldEncryptor
{
    public const string Prefix = "enc:v1:";

    /// <summary>Values bound to where they are stored (associated data names the place); see docs/adr/0017.</summary>
    public const string BoundPrefix = "enc:v2:";

    /// <summary>Field text bound to its table, column and row key (docs/adr/0017); v2 field values were bound to the column only.</summary>
    public const string RowBoundPrefix = "enc:v3:";
    private const int KeySize = 32;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private static readonly JsonSerializerOptions KeyFileJson = new(JsonSerializerDefaults.Web);

    private readonly string _currentKeyId;
    private readonly Dictionary<string, byte[]> _keys;

    public FieldEncryptor(string currentKeyId, IReadOnlyDictionary<string, byte[]> keys)
    {
        if (!keys.ContainsKey(currentKeyId))
        {
            throw new InvalidOperationException($"The current encryption key id '{currentKeyId}' has no key.");
        }

        foreach (var (id, key) in keys)
        {
            if (key.Length != KeySize)
            {
                throw new InvalidOperationException($"Encryption key '{id}' must be {KeySize} bytes (base64 of 32 random bytes).");
            }

            if (id.Contains(':', StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Encryption key id '{id}' must not contain ':'.");
            }
        }

        _currentKeyId = currentKeyId;
        _keys = keys.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
    }

    public static FieldEncryptor FromOptions(EncryptionOptions options)
    {
        var currentKeyId = options.CurrentKeyId;
        var keys = new Dictionary<string, string>(options.Keys, StringComparer.Ordinal);

        if (!string.IsNullOrWhiteSpace(options.KeyFile))
        {
            var file = ReadKeyFile(options.KeyFile);
            currentKeyId ??= file.CurrentKeyId;
            foreach (var (id, key) in file.Keys)
            {
                keys.TryAdd(id, key);
            }
        }

        if (string.IsNullOrWhiteSpace(currentKeyId) || keys.Count == 0)
        {
            throw new InvalidOperationException(
                "No encryption key is configured. Set CoupleConnect:Encryption:KeyFile to a key file " +
                "(./run.sh creates .local/encryption-key.json) or CoupleConnect:Encryption:CurrentKeyId and :Keys. See README, 'Configuration'.");
        }

        return new FieldEncryptor(currentKeyId, keys.ToDictionary(pair => pair.Key, pair => DecodeKey(pair.Key, pair.Value), StringComparer.Ordinal));
    }

    /// <summary>The id of the key new values are encrypted with.</summary>
    public string CurrentKeyId => _currentKeyId;

    private volatile bool _refusesUnboundFieldText;

    /// <summary>
    /// True once this installation's field text is bound to its rows (<see cref="FieldTextUpgradeMarker"/>): field text in
    /// an older format (v1, v2) can then only have been put there from elsewhere, and is refused.
    /// </summary>
    public bool RefusesUnboundFieldText => _refusesUnboundFieldText;

    public void RefuseUnboundFieldText() => _refusesUnboundFieldText = true;

    /// <summary>A key for another purpose (e.g. keyed hashes), derived from the current key with HKDF so there is one secret to manage.</summary>
    public byte[] DeriveSubkey(string purpose) => DeriveSubkey(purpose, _currentKeyId);

    /// <summary>
    /// The subkey for <paramref name="purpose"/> derived from the key named <paramref name="keyId"/>, for secrets
    /// written under an older current key (rotation); null when no key of that id is configured.
    /// </summary>
    public byte[]? TryDeriveSubkey(string purpose, string keyId) =>
        _keys.ContainsKey(keyId) ? DeriveSubkey(purpose, keyId) : null;

    public string Encrypt(string plaintext) => Seal(Prefix, plaintext, AssociatedData(_currentKeyId));

    /// <summary>
    /// Encrypts text bound to the place it is stored (<paramref name="boundTo"/>, e.g. table, column and row key) as
    /// associated data: <c>enc:v2:{keyId}:{base64}</c>. Copied into another row or column, it no longer decrypts.
    /// </summary>
    public string Encrypt(string plaintext, string boundTo) => Seal(BoundPrefix, plaintext, BoundAssociatedData(BoundPrefix, _currentKeyId, boundTo));

    /// <summary>
    /// Encrypts field text bound to its row (<paramref name="rowPlace"/>: table, column and key values) as
    /// <c>enc:v3:{keyId}:{base64}</c>. The prefix is part of the associated data, so a v2 value relabelled v3 fails.
    /// </summary>
    public string EncryptForRow(string plaintext, string rowPlace) => Seal(RowBoundPrefix, plaintext, BoundAssociatedData(RowBoundPrefix, _currentKeyId, rowPlace));

    /// <summary>An unbound (v1) value only.</summary>
    public string Decrypt(string stored) => Open(stored, boundTo: null);

    /// <summary>
    /// A v2 or v3 value bound to <paramref name="boundTo"/>, or a v1 value written before values were bound (still read, so
    /// existing data keeps working until it is re-encrypted).
    /// </summary>
    public string Decrypt(string stored, string boundTo) => Open(stored, boundTo);

    /// <summary>True when <paramref name="stored"/> is in one of the encrypted formats (it may still fail to decrypt).</summary>
    public static bool IsEncryptedFormat(string stored) =>
        stored.StartsWith(Prefix, StringComparison.Ordinal) || stored.StartsWith(BoundPrefix, StringComparison.Ordinal)
        || stored.StartsWith(RowBoundPrefix, StringComparison.Ordinal);

    private string Seal(string prefix, string plaintext, byte[] associatedData)
    {
        var plainBytes = Encoding.UTF8.GetBytes(plaintext);
        var payload = new byte[NonceSize + plainBytes.Length + TagSize];
        var nonce = payload.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);

        using var aes = new AesGcm(_keys[_currentKeyId], TagSize);
        aes.Encrypt(nonce, plainBytes, payload.AsSpan(NonceSize, plainBytes.Length), payload.AsSpan(NonceSize + plainBytes.Length), associatedData);
        return $"{prefix}{_currentKeyId}:{Convert.ToBase64String(payload)}";
    }

    private string Open(string stored, string? boundTo)
    {
        // Messages never include the stored value: it may be a partner's private text.
        var prefix = stored.StartsWith(Prefix, StringComparison.Ordinal) ? Prefix
            : boundTo is not null && stored.StartsWith(BoundPrefix, StringComparison.Ordinal) ? BoundPrefix
            : boundTo is not null && stored.StartsWith(RowBoundPrefix, StringComparison.Ordinal) ? RowBoundPrefix
            : throw new CryptographicException("A stored value is not in the encrypted format.");

        var separator = stored.IndexOf(':', prefix.Length);
        if (separator < 0)
        {
            throw new CryptographicException("A stored value has no key id.");
        }

        var keyId = stored[prefix.Length..separator];
        if (!_keys.TryGetValue(keyId, out var key))
        {
            throw new CryptographicException($"No encryption key with id '{keyId}' is configured.");
        }

        byte[] payload;
        try
        {
            payload = Convert.FromBase64String(stored[(separator + 1)..]);
        }
        catch (FormatException)
        {
            throw new CryptographicException("A stored value is not valid base64.");
        }

        if (payload.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("A stored value is too short to be encrypted text.");
        }

        var associatedData = prefix == Prefix ? AssociatedData(keyId) : BoundAssociatedData(prefix, keyId, boundTo!);
        var cipherLength = payload.Length - NonceSize - TagSize;
        var plainBytes = new byte[cipherLength];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(payload.AsSpan(0, NonceSize), payload.AsSpan(NonceSize, cipherLength), payload.AsSpan(NonceSize + cipherLength), plainBytes, associatedData);
        return Encoding.UTF8.GetString(plainBytes);
    }

    private byte[] DeriveSubkey(string purpose, string keyId) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, _keys[keyId], KeySize, salt: [], info: Encoding.UTF8.GetBytes(purpose));

    private static byte[] AssociatedData(string keyId) => Encoding.UTF8.GetBytes(Prefix + keyId);

    // Key ids hold no ':', so no two (key id, place) pairs give the same bytes.
    private static byte[] BoundAssociatedData(string prefix, string keyId, string boundTo) => Encoding.UTF8.GetBytes($"{prefix}{keyId}:{boundTo}");

    private static byte[] DecodeKey(string id, string base64)
    {
        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"Encryption key '{id}' is not valid base64.");
        }
    }

    private static KeyFile ReadKeyFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The encryption key file '{path}' does not exist. ./run.sh creates one; see README, 'Configuration'.");
        }

        var file = JsonSerializer.Deserialize<KeyFile>(File.ReadAllText(path), KeyFileJson);
        return file is { CurrentKeyId: not null, Keys.Count: > 0 }
            ? file
            : throw new InvalidOperationException($"The encryption key file '{path}' needs \"currentKeyId\" and \"keys\".");
    }

    private sealed record KeyFile(string? CurrentKeyId, Dictionary<string, string> Keys);
}
