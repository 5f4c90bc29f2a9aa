using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Posta.Sasl;

/// <summary>
/// What a server keeps to verify SCRAM-SHA-256 (RFC 5802 §3, RFC 7677): the salt and iteration count of
/// PBKDF2-HMAC-SHA-256 over the SASLprep'd password, and the StoredKey and ServerKey derived from it.
/// The password itself cannot be recovered from them.
/// </summary>
public sealed record ScramCredentials(int Iterations, byte[] Salt, byte[] StoredKey, byte[] ServerKey)
{
    /// <summary>
    /// Iterations for new credentials. RFC 7677 §4 asks for at least 4096; 10000 costs a few
    /// milliseconds once per password change, and nothing per login (the server never runs PBKDF2 then).
    /// </summary>
    public const int DefaultIterations = 10000;

    /// <summary>Bytes of salt in new credentials (RFC 5802 leaves the length open; 16 is NIST SP 800-132's minimum).</summary>
    public const int DefaultSaltBytes = 16;

    /// <summary>
    /// The most iterations an imported hash may ask for: a hash is checked with PBKDF2 at every PLAIN
    /// login, so an absurd count would let one stored line stall the server.
    /// </summary>
    public const int MaxIterations = 10_000_000;

    /// <summary>The scheme prefix, as Dovecot writes it.</summary>
    public const string SchemePrefix = "{SCRAM-SHA-256}";

    private const int KeyBytes = 32;

    /// <summary>
    /// Derives the keys: SaltedPassword = Hi(Normalize(password), salt, i), ClientKey = HMAC(SaltedPassword,
    /// "Client Key"), StoredKey = H(ClientKey), ServerKey = HMAC(SaltedPassword, "Server Key") (RFC 5802 §3).
    /// </summary>
    /// <exception cref="ArgumentException">The password fails SASLprep (RFC 4013), so no compliant client could use it.</exception>
    public static ScramCredentials Derive(string password, byte[] salt, int iterations)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(salt);
        if (!SaslPrep.TryPrepare(password, out var prepared, out var error))
        {
            throw new ArgumentException($"the password cannot be used with SCRAM: {error}", nameof(password));
        }

        return DeriveUnprepared(Encoding.UTF8.GetBytes(prepared), salt, iterations);
    }

    /// <summary>Credentials for a new password: a random 16-byte salt and <see cref="DefaultIterations"/>.</summary>
    /// <exception cref="ArgumentException">The password fails SASLprep.</exception>
    public static ScramCredentials Create(string password) =>
        Derive(password, RandomNumberGenerator.GetBytes(DefaultSaltBytes), DefaultIterations);

    /// <summary>
    /// The keys from password bytes taken as they are, without SASLprep: how Dovecot derives them, so
    /// hashes it made from passwords that SASLprep would change can still be checked.
    /// </summary>
    public static ScramCredentials DeriveUnprepared(ReadOnlySpan<byte> password, byte[] salt, int iterations)
    {
        ArgumentNullException.ThrowIfNull(salt);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(iterations, MaxIterations);
        if (salt.Length == 0)
        {
            throw new ArgumentException("the salt is empty", nameof(salt));
        }

        Span<byte> salted = stackalloc byte[KeyBytes];
        Span<byte> clientKey = stackalloc byte[KeyBytes];
        try
        {
            Rfc2898DeriveBytes.Pbkdf2(password, salt, salted, iterations, HashAlgorithmName.SHA256);
            HMACSHA256.HashData(salted, "Client Key"u8, clientKey);
            var storedKey = SHA256.HashData(clientKey);
            var serverKey = HMACSHA256.HashData(salted, "Server Key"u8);
            return new ScramCredentials(iterations, (byte[])salt.Clone(), storedKey, serverKey);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(salted);
            CryptographicOperations.ZeroMemory(clientKey);
        }
    }

    /// <summary>Dovecot's form: <c>{SCRAM-SHA-256}iterations,salt,StoredKey,ServerKey</c>, binary fields in base64.</summary>
    public string Format() => string.Create(
        CultureInfo.InvariantCulture,
        $"{SchemePrefix}{Iterations},{Convert.ToBase64String(Salt)},{Convert.ToBase64String(StoredKey)},{Convert.ToBase64String(ServerKey)}");

    /// <summary>
    /// Reads <see cref="Format"/>'s form (the scheme name in any case, as Dovecot matches it). False for
    /// anything else: another scheme, a count outside 1..<see cref="MaxIterations"/>, an empty salt, keys that
    /// are not 32 bytes, extra fields.
    /// </summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out ScramCredentials? credentials)
    {
        credentials = null;
        if (text is null || !text.StartsWith(SchemePrefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var fields = text[SchemePrefix.Length..].Split(',');
        if (fields.Length != 4
            || fields[0].Length is 0 or > 9
            || !fields[0].All(char.IsAsciiDigit)
            || !int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations)
            || iterations is < 1 or > MaxIterations
            || !StrictBase64.TryDecode(fields[1], out var salt) || salt.Length == 0
            || !StrictBase64.TryDecode(fields[2], out var storedKey) || storedKey.Length != KeyBytes
            || !StrictBase64.TryDecode(fields[3], out var serverKey) || serverKey.Length != KeyBytes)
        {
            return false;
        }

        credentials = new ScramCredentials(iterations, salt, storedKey, serverKey);
        return true;
    }
}
