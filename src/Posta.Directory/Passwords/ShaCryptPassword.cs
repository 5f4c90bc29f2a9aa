using System.Globalization;
using System.Security.Cryptography;

namespace Posta.Directory.Passwords;

/// <summary>A SHA-crypt hash: "$5$" or "$6$", optional "rounds=R$", a salt of up to 16 characters, "$", the digest.</summary>
internal sealed class ShaCryptPassword : StoredPassword
{
    private readonly ShaCryptVariant variant;
    private readonly byte[] salt;
    private readonly int rounds;
    private readonly byte[] digest;

    private ShaCryptPassword(ShaCryptVariant variant, byte[] salt, int rounds, byte[] digest)
    {
        this.variant = variant;
        this.salt = salt;
        this.rounds = rounds;
        this.digest = digest;
    }

    public override bool Matches(ReadOnlySpan<byte> password)
    {
        if (!CryptPassphrase.IsUsable(password))
            return false;
        Span<byte> actual = stackalloc byte[variant.DigestSize];
        variant.ComputeDigest(password, salt, rounds, actual);
        return CryptographicOperations.FixedTimeEquals(actual, digest);
    }

    /// <summary>
    /// Accepts only what libxcrypt would reproduce character for character (Dovecot compares the whole
    /// crypt() output with the stored text): rounds without leading zeros and within 1000..999999999,
    /// a salt of at most 16 permitted characters, and a canonical digest.
    /// </summary>
    internal static bool TryParse(string data, ShaCryptVariant variant, string label, out StoredPassword? password, out string? error)
    {
        password = null;
        var rest = data.AsSpan(variant.Prefix.Length);
        var rounds = ShaCryptVariant.DefaultRounds;
        if (rest.StartsWith(ShaCryptVariant.RoundsPrefix, StringComparison.Ordinal))
        {
            rest = rest[ShaCryptVariant.RoundsPrefix.Length..];
            var end = rest.IndexOf('$');
            if (end < 1 || end > 9 || rest[0] == '0'
                || !int.TryParse(rest[..end], NumberStyles.None, CultureInfo.InvariantCulture, out rounds)
                || rounds < ShaCryptVariant.MinRounds)
            {
                error = $"{label} rounds must be a number from {ShaCryptVariant.MinRounds} to {ShaCryptVariant.MaxRounds} without leading zeros, followed by '$'";
                return false;
            }

            rest = rest[(end + 1)..];
        }

        var saltEnd = rest.IndexOf('$');
        if (saltEnd < 0)
        {
            error = $"{label} hash has no '$' between the salt and the digest";
            return false;
        }

        var saltText = rest[..saltEnd];
        if (saltText.Length > ShaCryptVariant.MaxSaltLength || !CryptSalt.IsValid(saltText))
        {
            error = $"{label} salt must be at most {ShaCryptVariant.MaxSaltLength} printable ASCII characters, none of !*:;\\";
            return false;
        }

        var digest = new byte[variant.DigestSize];
        if (!CryptBase64.TryDecode(rest[(saltEnd + 1)..], variant.Layout, digest))
        {
            error = $"{label} digest must be {variant.EncodedLength} characters of ./0-9A-Za-z in canonical form";
            return false;
        }

        var salt = new byte[saltText.Length];
        for (var i = 0; i < salt.Length; i++)
            salt[i] = (byte)saltText[i];
        password = new ShaCryptPassword(variant, salt, rounds, digest);
        error = null;
        return true;
    }
}
