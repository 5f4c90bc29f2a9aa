using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using Posta.Sasl;

namespace Posta.Directory.Passwords;

/// <summary>
/// Password hashes in Dovecot's "{SCHEME}data" form, so hashes move both ways between Posta and a
/// Dovecot passdb: SHA512-CRYPT, SHA256-CRYPT, BLF-CRYPT, MD5-CRYPT, SCRAM-SHA-256 and PLAIN (case-insensitive),
/// plus Dovecot's aliases CRYPT, MD5 and CLEARTEXT when verifying or importing.
/// </summary>
public static class PasswordHasher
{
    public const string DefaultScheme = "BLF-CRYPT";

    /// <summary>
    /// SHA-crypt rounds when none are asked for: about as slow as bcrypt at cost 12 (half a second on a
    /// small server), where the specification's 5000 rounds take a few milliseconds.
    /// </summary>
    internal const int DefaultShaCryptRounds = 500_000;

    /// <summary>RFC 7677 §4: the iteration count "SHOULD be at least 4096"; new SCRAM hashes keep to it.</summary>
    internal const int MinScramIterations = 4096;

    /// <summary>
    /// Verifies like Dovecot's passdb. <paramref name="stored"/> is "{SCHEME}data"; without a prefix it is
    /// treated as Dovecot's CRYPT, which picks the algorithm from the crypt(3) prefix ($1$, $5$, $6$,
    /// $2a$/$2b$/$2y$). As in Dovecot, SHA512-CRYPT, SHA256-CRYPT and BLF-CRYPT data also go by that
    /// prefix. Final digests are compared in constant time. Never throws: an unknown scheme or a malformed
    /// hash (one crypt(3) would refuse or could never reproduce) is <see cref="PasswordCheck.Unsupported"/>.
    /// </summary>
    public static PasswordCheck Verify(string stored, string password)
    {
        if (!StoredPassword.TryParse(stored, out var parsed, out _))
            return PasswordCheck.Unsupported;
        if (password is null)
            return PasswordCheck.Mismatch;

        using var bytes = Utf8Secret.Encode(password);
        return parsed.Matches(bytes.Span) ? PasswordCheck.Match : PasswordCheck.Mismatch;
    }

    /// <summary>
    /// Makes a new "{SCHEME}data" hash with a fresh salt from <see cref="RandomNumberGenerator"/>.
    /// <paramref name="cost"/> is the bcrypt cost for BLF-CRYPT (4..31, default 12) and the rounds for
    /// SHA512-CRYPT and SHA256-CRYPT (1000..999999999, default 500000, always written as "rounds=N$"), and the
    /// iterations for SCRAM-SHA-256 (4096..10000000, default 10000; RFC 7677 §4 asks for at least 4096);
    /// MD5-CRYPT (fixed 1000 rounds) and PLAIN take none.
    /// </summary>
    /// <exception cref="ArgumentException">Unknown scheme, a cost the scheme does not take, or a password the
    /// scheme cannot hash: over 72 UTF-8 bytes for BLF-CRYPT, over 511 bytes or containing NUL for any crypt scheme,
    /// one SASLprep (RFC 4013) refuses for SCRAM-SHA-256.</exception>
    public static string Hash(string password, string scheme = DefaultScheme, int? cost = null)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(scheme);
        if (!PasswordSchemes.TryParse(scheme, out var parsed))
            throw new ArgumentException(PasswordSchemes.UnknownSchemeMessage(scheme), nameof(scheme));

        return parsed switch
        {
            PasswordScheme.BlfCrypt => HashBcrypt(password, cost ?? BcryptPassword.DefaultCost),
            PasswordScheme.Sha512Crypt => HashShaCrypt(password, ShaCryptVariant.Sha512, parsed, cost ?? DefaultShaCryptRounds),
            PasswordScheme.Sha256Crypt => HashShaCrypt(password, ShaCryptVariant.Sha256, parsed, cost ?? DefaultShaCryptRounds),
            PasswordScheme.Md5Crypt => HashMd5Crypt(password, cost),
            PasswordScheme.ScramSha256 => HashScram(password, cost ?? ScramCredentials.DefaultIterations),
            PasswordScheme.Plain => cost is null
                ? "{PLAIN}" + password
                : throw new ArgumentException("PLAIN takes no cost", nameof(cost)),
            // CRYPT is a family chosen by the data, not an algorithm one could ask for.
            _ => throw new ArgumentException(
                $"{{{scheme}}} cannot make new hashes; choose one of: {PasswordSchemes.SupportedList}", nameof(scheme)),
        };
    }

    /// <summary>
    /// Checks a hash an administrator supplies for import: true when the scheme is supported and the data is
    /// well formed, that is exactly when <see cref="Verify"/> would not answer <see cref="PasswordCheck.Unsupported"/>.
    /// Otherwise <paramref name="error"/> says what is wrong, without repeating the hash.
    /// </summary>
    public static bool IsValidStoredHash(string stored, [NotNullWhen(false)] out string? error) =>
        StoredPassword.TryParse(stored, out _, out error);

    private static string HashBcrypt(string password, int cost)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cost, BcryptPassword.MinCost);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(cost, BcryptPassword.MaxCost);
        using var bytes = Utf8Secret.Encode(password);
        if (bytes.Span.Length > BcryptPassword.MaxPasswordBytes)
        {
            // Verification would ignore everything past byte 72, so refuse rather than let it be ignored silently.
            throw new ArgumentException(
                $"BLF-CRYPT (bcrypt) uses at most {BcryptPassword.MaxPasswordBytes} bytes of a password and this one has " +
                $"{bytes.Span.Length} bytes of UTF-8; choose a shorter password or another scheme", nameof(password));
        }

        CryptPassphrase.ThrowIfUnusable(bytes.Span, "BLF-CRYPT");
        var salt = RandomNumberGenerator.GetBytes(BcryptPassword.SaltSize);
        Span<byte> digest = stackalloc byte[BcryptPassword.DigestSize];
        BcryptPassword.ComputeDigest('y', bytes.Span, salt, cost, digest);
        return "{BLF-CRYPT}" + BcryptPassword.Format('y', cost, salt, digest);
    }

    private static string HashShaCrypt(string password, ShaCryptVariant variant, PasswordScheme scheme, int rounds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, ShaCryptVariant.MinRounds, "cost");
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rounds, ShaCryptVariant.MaxRounds, "cost");
        var name = PasswordSchemes.Name(scheme);
        using var bytes = Utf8Secret.Encode(password);
        CryptPassphrase.ThrowIfUnusable(bytes.Span, name);

        var salt = CryptSalt.Generate(ShaCryptVariant.MaxSaltLength);
        Span<byte> digest = stackalloc byte[variant.DigestSize];
        variant.ComputeDigest(bytes.Span, Encoding.ASCII.GetBytes(salt), rounds, digest);
        return "{" + name + "}" + variant.Format(salt, rounds, digest);
    }

    private static string HashScram(string password, int iterations)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, MinScramIterations, "cost");
        ArgumentOutOfRangeException.ThrowIfGreaterThan(iterations, ScramCredentials.MaxIterations, "cost");
        return ScramCredentials.Derive(password, RandomNumberGenerator.GetBytes(ScramCredentials.DefaultSaltBytes), iterations).Format();
    }

    private static string HashMd5Crypt(string password, int? cost)
    {
        if (cost is not null)
            throw new ArgumentException("MD5-CRYPT has a fixed cost of 1000 rounds", nameof(cost));
        using var bytes = Utf8Secret.Encode(password);
        CryptPassphrase.ThrowIfUnusable(bytes.Span, "MD5-CRYPT");

        var salt = CryptSalt.Generate(Md5CryptPassword.MaxSaltLength);
        Span<byte> digest = stackalloc byte[Md5CryptPassword.DigestSize];
        Md5CryptPassword.ComputeDigest(bytes.Span, Encoding.ASCII.GetBytes(salt), digest);
        return "{MD5-CRYPT}" + Md5CryptPassword.Format(salt, digest);
    }
}
