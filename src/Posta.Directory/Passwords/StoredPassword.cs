using System.Diagnostics.CodeAnalysis;

namespace Posta.Directory.Passwords;

/// <summary>A stored hash, parsed and checked for form, ready to compare passwords against.</summary>
/// <remarks>
/// Parsing is the single gate for malformed input: anything that gets past it can be verified
/// without throwing, and anything that cannot be verified is rejected here with a reason, so
/// <see cref="PasswordHasher.IsValidStoredHash"/> and <see cref="PasswordHasher.Verify"/> agree.
/// </remarks>
internal abstract class StoredPassword
{
    /// <summary>Compares in time that depends on the password's length and the hash's cost, never on where they differ.</summary>
    public abstract bool Matches(ReadOnlySpan<byte> password);

    public static bool TryParse(
        string? stored,
        [NotNullWhen(true)] out StoredPassword? password,
        [NotNullWhen(false)] out string? error)
    {
        password = null;
        if (string.IsNullOrEmpty(stored))
        {
            error = "the password hash is empty";
            return false;
        }

        // Like Dovecot's passdb: "{SCHEME}data", and no prefix means the default scheme, CRYPT.
        var scheme = PasswordScheme.Crypt;
        var label = "CRYPT";
        var data = stored;
        if (stored[0] == '{')
        {
            var close = stored.IndexOf('}', StringComparison.Ordinal);
            if (close < 0)
            {
                error = "the password scheme has no closing '}' (expected {SCHEME}data)";
                return false;
            }

            var name = stored.AsSpan(1, close - 1);
            if (!PasswordSchemes.TryParse(name, out scheme))
            {
                error = PasswordSchemes.UnknownSchemeMessage(name);
                return false;
            }

            label = PasswordSchemes.Name(scheme);
            data = stored[(close + 1)..];
        }

        switch (scheme)
        {
            case PasswordScheme.Plain:
                password = new PlainPassword(data);
                error = null;
                return true;

            case PasswordScheme.ScramSha256:
                if (!Posta.Sasl.ScramCredentials.TryParse(Posta.Sasl.ScramCredentials.SchemePrefix + data, out var credentials))
                {
                    error = $"{label} data must be iterations,salt,StoredKey,ServerKey with 1 to {Posta.Sasl.ScramCredentials.MaxIterations} " +
                        "iterations, a base64 salt and two base64 keys of 32 bytes";
                    return false;
                }

                password = new ScramPassword(credentials);
                error = null;
                return true;

            case PasswordScheme.Md5Crypt:
                // Dovecot checks MD5-CRYPT with its own md5crypt code, which only knows "$1$".
                if (!data.StartsWith(Md5CryptPassword.Prefix, StringComparison.Ordinal))
                {
                    error = $"{label} data must start with {Md5CryptPassword.Prefix}";
                    return false;
                }

                return Md5CryptPassword.TryParse(data, label, out password, out error);

            default:
                // Dovecot hands CRYPT, SHA512-CRYPT, SHA256-CRYPT and BLF-CRYPT data alike to crypt(3),
                // which goes by the data's own prefix: "{SHA512-CRYPT}$1$..." verifies as MD5-crypt there.
                return TryParseCrypt(data, label, out password, out error);
        }
    }

    private static bool TryParseCrypt(string data, string label, out StoredPassword? password, out string? error)
    {
        if (data.StartsWith(ShaCryptVariant.Sha512.Prefix, StringComparison.Ordinal))
            return ShaCryptPassword.TryParse(data, ShaCryptVariant.Sha512, label, out password, out error);
        if (data.StartsWith(ShaCryptVariant.Sha256.Prefix, StringComparison.Ordinal))
            return ShaCryptPassword.TryParse(data, ShaCryptVariant.Sha256, label, out password, out error);
        if (data.StartsWith(Md5CryptPassword.Prefix, StringComparison.Ordinal))
            return Md5CryptPassword.TryParse(data, label, out password, out error);
        if (data.StartsWith("$2", StringComparison.Ordinal))
            return BcryptPassword.TryParse(data, label, out password, out error);

        password = null;
        error = data.Length == 13 && data.AsSpan().IndexOfAnyExcept(CryptBase64.Alphabet) < 0
            ? $"{label} data looks like traditional DES crypt, which is not supported; reset the password"
            : $"{label} data is not a supported crypt hash (expected $6$, $5$, $2y$/$2b$/$2a$ or $1$)";
        return false;
    }
}
