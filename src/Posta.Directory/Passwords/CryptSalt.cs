using System.Security.Cryptography;

namespace Posta.Directory.Passwords;

/// <summary>Salts of the MD5-crypt and SHA-crypt formats.</summary>
internal static class CryptSalt
{
    /// <summary>
    /// libxcrypt (what Dovecot calls on Debian) refuses salts with control characters, space,
    /// non-ASCII and any of <c>!*:;\</c>; '$' ends the salt. A stored hash with such a salt can never
    /// verify there, so it is malformed here too.
    /// </summary>
    internal static bool IsValid(ReadOnlySpan<char> salt)
    {
        foreach (var c in salt)
        {
            if (c is <= ' ' or > '~' or '$' or '!' or '*' or ':' or ';' or '\\')
                return false;
        }

        return true;
    }

    /// <summary>New salts use the hash64 alphabet only, like every crypt(3) implementation.</summary>
    internal static string Generate(int length) => RandomNumberGenerator.GetString(CryptBase64.Alphabet, length);
}
