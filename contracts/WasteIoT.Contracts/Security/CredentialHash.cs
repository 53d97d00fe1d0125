using System.Security.Cryptography;
using System.Text;

namespace WasteIoT.Contracts.Security;

/// <summary>
/// Client secrets for devices (at the gateway) and gateways (at the cloud): 32 random bytes, base64url, shown
/// once; only HMAC-SHA256(salt, secret) is stored. A fast keyed hash is enough for 256-bit random secrets, which
/// no dictionary can guess, and lets a thousand clients reconnect within seconds of a restart.
/// </summary>
public static class CredentialHash
{
    public static string NewSecret() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static (byte[] Salt, byte[] Hash) Create(string secret)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return (salt, Compute(salt, secret));
    }

    public static bool Verify(byte[] salt, byte[] hash, string? secret) =>
        !string.IsNullOrEmpty(secret) && CryptographicOperations.FixedTimeEquals(hash, Compute(salt, secret));

    private static byte[] Compute(byte[] salt, string secret) => HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(secret));
}
