using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace CoupleConnect.Tests.Shared;

/// <summary>Why a Web Push body could not be read; the message goes into the test push service's rejections.</summary>
public sealed class WebPushDecryptionException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Reads a Web Push message body the way a browser does (RFC 8291 on top of the RFC 8188 "aes128gcm" record), using
/// only System.Security.Cryptography, so tests check the sender against the standard and not against the library's own code.
/// </summary>
public static class WebPushPayloadDecryption
{
    private const int SaltLength = 16;
    private const int HeaderFixedLength = SaltLength + 4 + 1; // salt | rs (uint32) | idlen
    private const int PublicKeyLength = 65; // uncompressed P-256 point: 0x04 | X | Y
    private const int TagLength = 16;
    private const byte LastRecordDelimiter = 0x02;

    private static readonly byte[] WebPushInfo = Encoding.ASCII.GetBytes("WebPush: info\0");
    private static readonly byte[] ContentEncryptionKeyInfo = Encoding.ASCII.GetBytes("Content-Encoding: aes128gcm\0");
    private static readonly byte[] NonceInfo = Encoding.ASCII.GetBytes("Content-Encoding: nonce\0");

    /// <summary>Decrypts <paramref name="body"/> for the subscriber holding <paramref name="userAgentKey"/> and <paramref name="authSecret"/>.</summary>
    /// <exception cref="WebPushDecryptionException">The body is malformed or does not decrypt with these keys.</exception>
    public static byte[] Decrypt(ECDiffieHellman userAgentKey, ReadOnlySpan<byte> authSecret, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(userAgentKey);
        if (body.Length < HeaderFixedLength)
        {
            throw new WebPushDecryptionException($"The body has {body.Length} bytes, too short for an aes128gcm header.");
        }

        var salt = body[..SaltLength].ToArray();
        var recordSize = BinaryPrimitives.ReadUInt32BigEndian(body[SaltLength..]);
        int keyIdLength = body[SaltLength + 4];
        // RFC 8291 §4: the key id carries the application server's ephemeral ECDH public key.
        if (keyIdLength != PublicKeyLength)
        {
            throw new WebPushDecryptionException($"The key id has {keyIdLength} bytes; Web Push puts the sender's 65-byte public key there.");
        }

        if (body.Length < HeaderFixedLength + keyIdLength + TagLength + 1)
        {
            throw new WebPushDecryptionException("The body ends before a whole encrypted record.");
        }

        var senderPublicKey = body.Slice(HeaderFixedLength, keyIdLength).ToArray();
        var record = body[(HeaderFixedLength + keyIdLength)..];
        // Web Push allows exactly one record (RFC 8291 §4), so the ciphertext must fit into the record size.
        if ((uint)record.Length > recordSize)
        {
            throw new WebPushDecryptionException($"The ciphertext ({record.Length} bytes) is longer than the record size {recordSize}: more than one record.");
        }

        var inputKeyingMaterial = DeriveInputKeyingMaterial(userAgentKey, authSecret, senderPublicKey);
        var pseudoRandomKey = HKDF.Extract(HashAlgorithmName.SHA256, inputKeyingMaterial, salt);
        var contentEncryptionKey = HKDF.Expand(HashAlgorithmName.SHA256, pseudoRandomKey, 16, ContentEncryptionKeyInfo);
        var nonce = HKDF.Expand(HashAlgorithmName.SHA256, pseudoRandomKey, 12, NonceInfo);

        var ciphertext = record[..^TagLength];
        var plaintext = new byte[ciphertext.Length];
        try
        {
            using var aes = new AesGcm(contentEncryptionKey, TagLength);
            aes.Decrypt(nonce, ciphertext, record[^TagLength..], plaintext);
        }
        catch (AuthenticationTagMismatchException ex)
        {
            throw new WebPushDecryptionException("The record does not decrypt with this subscription's keys (authentication tag mismatch).", ex);
        }

        return RemovePadding(plaintext);
    }

    /// <summary>RFC 8291 §3.3/3.4: ECDH with the sender's key, then HKDF keyed by the auth secret over both public keys.</summary>
    private static byte[] DeriveInputKeyingMaterial(ECDiffieHellman userAgentKey, ReadOnlySpan<byte> authSecret, byte[] senderPublicKey)
    {
        byte[] sharedSecret;
        try
        {
            using var sender = WebPushKeys.ImportP256PublicKey(senderPublicKey, ECDiffieHellman.Create);
            sharedSecret = userAgentKey.DeriveRawSecretAgreement(sender.PublicKey);
        }
        catch (CryptographicException ex)
        {
            throw new WebPushDecryptionException("The sender's public key in the header is not a valid P-256 point.", ex);
        }

        var userAgentPublicKey = WebPushKeys.ExportUncompressedPublicKey(userAgentKey);
        var info = new byte[WebPushInfo.Length + userAgentPublicKey.Length + senderPublicKey.Length];
        WebPushInfo.CopyTo(info, 0);
        userAgentPublicKey.CopyTo(info, WebPushInfo.Length);
        senderPublicKey.CopyTo(info, WebPushInfo.Length + userAgentPublicKey.Length);

        var keyPseudoRandomKey = HKDF.Extract(HashAlgorithmName.SHA256, sharedSecret, authSecret.ToArray());
        return HKDF.Expand(HashAlgorithmName.SHA256, keyPseudoRandomKey, 32, info);
    }

    /// <summary>RFC 8188 §2: the plaintext is followed by one delimiter (0x02 in the last record) and any number of zeros.</summary>
    private static byte[] RemovePadding(byte[] paddedPlaintext)
    {
        var end = paddedPlaintext.Length - 1;
        while (end >= 0 && paddedPlaintext[end] == 0)
        {
            end--;
        }

        if (end < 0 || paddedPlaintext[end] != LastRecordDelimiter)
        {
            throw new WebPushDecryptionException("The decrypted record has no last-record padding delimiter (0x02).");
        }

        return paddedPlaintext[..end];
    }
}
