namespace Posta.Directory.Passwords;

/// <summary>Scheme names as written between braces in a stored hash, matched case-insensitively as Dovecot does.</summary>
internal static class PasswordSchemes
{
    /// <summary>The names an administrator chooses from; the aliases in <see cref="Names"/> are for import.</summary>
    internal const string SupportedList = "SHA512-CRYPT, SHA256-CRYPT, BLF-CRYPT, MD5-CRYPT, SCRAM-SHA-256, PLAIN";

    private static readonly (string Name, PasswordScheme Scheme)[] Names =
    [
        ("SHA512-CRYPT", PasswordScheme.Sha512Crypt),
        ("SHA256-CRYPT", PasswordScheme.Sha256Crypt),
        ("BLF-CRYPT", PasswordScheme.BlfCrypt),
        ("MD5-CRYPT", PasswordScheme.Md5Crypt),
        ("SCRAM-SHA-256", PasswordScheme.ScramSha256),
        ("PLAIN", PasswordScheme.Plain),
        ("CRYPT", PasswordScheme.Crypt),
        // Dovecot's {MD5} is MD5-CRYPT for historical reasons (PLAIN-MD5 is the bare digest).
        ("MD5", PasswordScheme.Md5Crypt),
        // Dovecot's CLEARTEXT is PLAIN under another name.
        ("CLEARTEXT", PasswordScheme.Plain),
    ];

    internal static bool TryParse(ReadOnlySpan<char> name, out PasswordScheme scheme)
    {
        foreach (var (candidate, value) in Names)
        {
            if (name.Equals(candidate, StringComparison.OrdinalIgnoreCase))
            {
                scheme = value;
                return true;
            }
        }

        scheme = default;
        return false;
    }

    internal static string Name(PasswordScheme scheme) => scheme switch
    {
        PasswordScheme.Sha512Crypt => "SHA512-CRYPT",
        PasswordScheme.Sha256Crypt => "SHA256-CRYPT",
        PasswordScheme.BlfCrypt => "BLF-CRYPT",
        PasswordScheme.Md5Crypt => "MD5-CRYPT",
        PasswordScheme.Plain => "PLAIN",
        PasswordScheme.ScramSha256 => "SCRAM-SHA-256",
        PasswordScheme.Crypt => "CRYPT",
        _ => throw new ArgumentOutOfRangeException(nameof(scheme)),
    };

    internal static string UnknownSchemeMessage(ReadOnlySpan<char> name) =>
        $"unknown password scheme {{{name}}}; supported: {SupportedList}";
}
