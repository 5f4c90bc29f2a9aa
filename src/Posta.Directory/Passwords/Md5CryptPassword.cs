using System.Security.Cryptography;

namespace Posta.Directory.Passwords;

/// <summary>
/// MD5-crypt, Poul-Henning Kamp's FreeBSD algorithm: "$1$", a salt of up to 8 characters, "$",
/// then 22 characters of digest. The cost is fixed at 1000 rounds.
/// </summary>
internal sealed class Md5CryptPassword : StoredPassword
{
    internal const string Prefix = "$1$";
    internal const int MaxSaltLength = 8;
    private const int Rounds = 1000;
    internal const int DigestSize = 16;

    // Digest bytes in the order the algorithm writes them.
    private static ReadOnlySpan<sbyte> Layout =>
    [
        0, 6, 12, 4, 1, 7, 13, 4, 2, 8, 14, 4, 3, 9, 15, 4, 4, 10, 5, 4, -1, -1, 11, 2,
    ];

    private readonly byte[] salt;
    private readonly byte[] digest;

    private Md5CryptPassword(byte[] salt, byte[] digest)
    {
        this.salt = salt;
        this.digest = digest;
    }

    public override bool Matches(ReadOnlySpan<byte> password)
    {
        if (!CryptPassphrase.IsUsable(password))
            return false;
        Span<byte> actual = stackalloc byte[DigestSize];
        ComputeDigest(password, salt, actual);
        return CryptographicOperations.FixedTimeEquals(actual, digest);
    }

    internal static bool TryParse(string data, string label, out StoredPassword? password, out string? error)
    {
        password = null;
        var rest = data.AsSpan(Prefix.Length);
        var saltEnd = rest.IndexOf('$');
        if (saltEnd < 0)
        {
            error = $"{label} hash has no '$' between the salt and the digest";
            return false;
        }

        var saltText = rest[..saltEnd];
        if (saltText.Length > MaxSaltLength || !CryptSalt.IsValid(saltText))
        {
            error = $"{label} salt must be at most {MaxSaltLength} printable ASCII characters, none of !*:;\\";
            return false;
        }

        var digest = new byte[DigestSize];
        if (!CryptBase64.TryDecode(rest[(saltEnd + 1)..], Layout, digest))
        {
            error = $"{label} digest must be {CryptBase64.EncodedLength(Layout)} characters of ./0-9A-Za-z in canonical form";
            return false;
        }

        var salt = new byte[saltText.Length];
        for (var i = 0; i < salt.Length; i++)
            salt[i] = (byte)saltText[i];
        password = new Md5CryptPassword(salt, digest);
        error = null;
        return true;
    }

    internal static string Format(ReadOnlySpan<char> salt, ReadOnlySpan<byte> digest)
    {
        Span<char> hash = stackalloc char[CryptBase64.EncodedLength(Layout)];
        CryptBase64.Encode(digest, Layout, hash);
        return string.Concat(Prefix, salt, "$", hash);
    }

    internal static void ComputeDigest(ReadOnlySpan<byte> key, ReadOnlySpan<byte> salt, Span<byte> digest)
    {
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        Span<byte> final = stackalloc byte[DigestSize];

        // Alternate sum: MD5(key, salt, key).
        md5.AppendData(key);
        md5.AppendData(salt);
        md5.AppendData(key);
        md5.GetHashAndReset(final);

        // key, magic, salt, then the alternate sum stretched to the key's length.
        md5.AppendData(key);
        md5.AppendData("$1$"u8);
        md5.AppendData(salt);
        for (var left = key.Length; left > 0; left -= DigestSize)
            md5.AppendData(final[..Math.Min(left, DigestSize)]);

        // Then per bit of the key's length from the lowest: a zero byte for a one, the key's first
        // byte for a zero. (The original wipes the alternate sum and adds its first byte, hence zero.)
        ReadOnlySpan<byte> zero = [0];
        for (var n = key.Length; n != 0; n >>= 1)
            md5.AppendData((n & 1) != 0 ? zero : key[..1]);
        md5.GetHashAndReset(final);

        // Each round: MD5(odd ? key : F, [salt unless i % 3 == 0], [key unless i % 7 == 0], odd ? F : key),
        // built in one buffer so the thousand rounds do not allocate.
        var capacity = (2 * Math.Max(DigestSize, key.Length)) + key.Length + salt.Length;
        Span<byte> round = capacity <= 2048 ? stackalloc byte[capacity] : new byte[capacity];
        for (var i = 0; i < Rounds; i++)
        {
            var odd = (i & 1) != 0;
            var length = Append(round, 0, odd ? key : final);
            if (i % 3 != 0)
                length = Append(round, length, salt);
            if (i % 7 != 0)
                length = Append(round, length, key);
            length = Append(round, length, odd ? final : key);
            MD5.HashData(round[..length], final);
        }

        final.CopyTo(digest);
        CryptographicOperations.ZeroMemory(round);
    }

    private static int Append(Span<byte> buffer, int length, ReadOnlySpan<byte> part)
    {
        part.CopyTo(buffer[length..]);
        return length + part.Length;
    }
}
