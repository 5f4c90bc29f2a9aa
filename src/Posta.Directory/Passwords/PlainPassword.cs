using System.Security.Cryptography;

namespace Posta.Directory.Passwords;

/// <summary>A cleartext password ({PLAIN} or {CLEARTEXT}).</summary>
internal sealed class PlainPassword(string stored) : StoredPassword
{
    public override bool Matches(ReadOnlySpan<byte> password)
    {
        // Comparing SHA-256 digests instead of the texts gives FixedTimeEquals equal lengths, so the
        // time taken says nothing about the stored password's length or the first differing byte.
        Span<byte> expected = stackalloc byte[SHA256.HashSizeInBytes];
        Span<byte> actual = stackalloc byte[SHA256.HashSizeInBytes];
        using (var storedBytes = Utf8Secret.Encode(stored))
            SHA256.HashData(storedBytes.Span, expected);
        SHA256.HashData(password, actual);
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
