using System.Security.Cryptography;
using System.Text;

namespace CoupleConnect.Web.Infrastructure.Security;

/// <summary>
/// A keyed hash (HMAC-SHA256, hex) for values the app must recognise again but never store: an address that may belong
/// to nobody, a client's IP. The key is a subkey of the field-encryption key, so a dump alone cannot reverse it.
/// </summary>
public sealed class KeyedHash(byte[] key)
{
    public static KeyedHash For(FieldEncryptor encryptor, string purpose) => new(encryptor.DeriveSubkey(purpose));

    public string Of(string value) => Convert.ToHexString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(value)));
}
