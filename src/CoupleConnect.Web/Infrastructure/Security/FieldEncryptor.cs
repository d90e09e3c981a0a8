using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CoupleConnect.Web.Infrastructure.Security;

/// <summary>
/// AES-256-GCM for free text a partner writes. Stored form: <c>enc:v1:{keyId}:{base64(nonce | ciphertext | tag)}</c>;
/// the key id lets old rows decrypt after the current key is rotated.
/// </summary>
public sealed class FieldEncryptor
{
    public const string Prefix = "enc:v1:";
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

    /// <summary>A key for another purpose (e.g. keyed hashes), derived from the current key with HKDF so there is one secret to manage.</summary>
    public byte[] DeriveSubkey(string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, _keys[_currentKeyId], KeySize, salt: [], info: Encoding.UTF8.GetBytes(purpose));

    public string Encrypt(string plaintext)
    {
        var plainBytes = Encoding.UTF8.GetBytes(plaintext);
        var payload = new byte[NonceSize + plainBytes.Length + TagSize];
        var nonce = payload.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);

        using var aes = new AesGcm(_keys[_currentKeyId], TagSize);
        aes.Encrypt(nonce, plainBytes, payload.AsSpan(NonceSize, plainBytes.Length), payload.AsSpan(NonceSize + plainBytes.Length), AssociatedData(_currentKeyId));
        return $"{Prefix}{_currentKeyId}:{Convert.ToBase64String(payload)}";
    }

    public string Decrypt(string stored)
    {
        // Messages never include the stored value: it may be a partner's private text.
        if (!stored.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new CryptographicException("A stored value is not in the encrypted format.");
        }

        var separator = stored.IndexOf(':', Prefix.Length);
        if (separator < 0)
        {
            throw new CryptographicException("A stored value has no key id.");
        }

        var keyId = stored[Prefix.Length..separator];
        if (!_keys.TryGetValue(keyId, out var key))
        {
            throw new CryptographicException($"No encryption key with id '{keyId}' is configured.");
        }

        var payload = Convert.FromBase64String(stored[(separator + 1)..]);
        if (payload.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("A stored value is too short to be encrypted text.");
        }

        var cipherLength = payload.Length - NonceSize - TagSize;
        var plainBytes = new byte[cipherLength];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(payload.AsSpan(0, NonceSize), payload.AsSpan(NonceSize, cipherLength), payload.AsSpan(NonceSize + cipherLength), plainBytes, AssociatedData(keyId));
        return Encoding.UTF8.GetString(plainBytes);
    }

    private static byte[] AssociatedData(string keyId) => Encoding.UTF8.GetBytes(Prefix + keyId);

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
