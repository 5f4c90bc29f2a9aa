using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Posta.Directory.Passwords;

/// <summary>
/// SHA-crypt as specified by Ulrich Drepper ("Unix crypt using SHA-256 and SHA-512"): "$5$" over
/// SHA-256 and "$6$" over SHA-512, identical but for the digest and the order its bytes are written in.
/// </summary>
internal sealed class ShaCryptVariant
{
    internal const int DefaultRounds = 5000;
    internal const int MinRounds = 1000;
    internal const int MaxRounds = 999_999_999;
    internal const int MaxSaltLength = 16;
    internal const string RoundsPrefix = "rounds=";

    public static readonly ShaCryptVariant Sha256 = new("$5$", HashAlgorithmName.SHA256, SHA256.HashSizeInBytes,
    [
        0, 10, 20, 4, 21, 1, 11, 4, 12, 22, 2, 4, 3, 13, 23, 4, 24, 4, 14, 4,
        15, 25, 5, 4, 6, 16, 26, 4, 27, 7, 17, 4, 18, 28, 8, 4, 9, 19, 29, 4,
        -1, 31, 30, 3,
    ]);

    public static readonly ShaCryptVariant Sha512 = new("$6$", HashAlgorithmName.SHA512, SHA512.HashSizeInBytes,
    [
        0, 21, 42, 4, 22, 43, 1, 4, 44, 2, 23, 4, 3, 24, 45, 4, 25, 46, 4, 4,
        47, 5, 26, 4, 6, 27, 48, 4, 28, 49, 7, 4, 50, 8, 29, 4, 9, 30, 51, 4,
        31, 52, 10, 4, 53, 11, 32, 4, 12, 33, 54, 4, 34, 55, 13, 4, 56, 14, 35, 4,
        15, 36, 57, 4, 37, 58, 16, 4, 59, 17, 38, 4, 18, 39, 60, 4, 40, 61, 19, 4,
        62, 20, 41, 4, -1, -1, 63, 2,
    ]);

    private readonly sbyte[] layout;

    private ShaCryptVariant(string prefix, HashAlgorithmName algorithm, int digestSize, sbyte[] layout)
    {
        Prefix = prefix;
        Algorithm = algorithm;
        DigestSize = digestSize;
        this.layout = layout;
        EncodedLength = CryptBase64.EncodedLength(layout);
    }

    public string Prefix { get; }

    public HashAlgorithmName Algorithm { get; }

    public int DigestSize { get; }

    /// <summary>Length of the hash64 text of the digest: 43 for SHA-256, 86 for SHA-512.</summary>
    public int EncodedLength { get; }

    public ReadOnlySpan<sbyte> Layout => layout;

    /// <summary>
    /// crypt(3) as the specification's reference code does it: reads "$N$[rounds=R$]salt" from
    /// <paramref name="setting"/>, clamps R to 1000..999999999, cuts the salt at 16 characters, and
    /// returns the full hash. Used to check the specification's own test vectors.
    /// </summary>
    internal string Crypt(ReadOnlySpan<byte> key, string setting)
    {
        if (!setting.StartsWith(Prefix, StringComparison.Ordinal))
            throw new ArgumentException($"setting must start with {Prefix}", nameof(setting));

        var rest = setting.AsSpan(Prefix.Length);
        int? rounds = null;
        if (rest.StartsWith(RoundsPrefix, StringComparison.Ordinal))
        {
            var digits = rest[RoundsPrefix.Length..];
            var end = digits.IndexOf('$');
            if (end > 0 && ulong.TryParse(digits[..end], NumberStyles.None, CultureInfo.InvariantCulture, out var requested))
            {
                rounds = (int)Math.Clamp(requested, MinRounds, MaxRounds);
                rest = digits[(end + 1)..];
            }
        }

        var saltEnd = rest.IndexOf('$');
        var salt = rest[..(saltEnd < 0 ? rest.Length : saltEnd)];
        salt = salt[..Math.Min(salt.Length, MaxSaltLength)];

        Span<byte> digest = stackalloc byte[DigestSize];
        Span<byte> saltBytes = stackalloc byte[Encoding.UTF8.GetByteCount(salt)];
        Encoding.UTF8.GetBytes(salt, saltBytes);
        ComputeDigest(key, saltBytes, rounds ?? DefaultRounds, digest);
        return Format(salt, rounds, digest);
    }

    /// <summary>"$6$[rounds=R$]salt$hash"; the rounds are written whenever they were asked for, as glibc does.</summary>
    internal string Format(ReadOnlySpan<char> salt, int? rounds, ReadOnlySpan<byte> digest)
    {
        Span<char> hash = stackalloc char[EncodedLength];
        CryptBase64.Encode(digest, Layout, hash);
        return rounds is { } r
            ? string.Create(CultureInfo.InvariantCulture, $"{Prefix}{RoundsPrefix}{r}${salt}${hash}")
            : string.Concat(Prefix, salt, "$", hash);
    }

    /// <summary>The SHA-crypt digest of <paramref name="key"/> (the passphrase) with the raw salt bytes.</summary>
    internal void ComputeDigest(ReadOnlySpan<byte> key, ReadOnlySpan<byte> salt, int rounds, Span<byte> digest)
    {
        var h = DigestSize;
        using var hash = IncrementalHash.CreateHash(Algorithm);

        // Digest B = H(key, salt, key).
        Span<byte> b = stackalloc byte[h];
        hash.AppendData(key);
        hash.AppendData(salt);
        hash.AppendData(key);
        hash.GetHashAndReset(b);

        // Digest A = H(key, salt, B stretched to the key's length, then per bit of that length
        // from the lowest: B for a one, the key for a zero).
        Span<byte> a = stackalloc byte[h];
        hash.AppendData(key);
        hash.AppendData(salt);
        var n = key.Length;
        for (; n > h; n -= h)
            hash.AppendData(b);
        hash.AppendData(b[..n]);
        for (n = key.Length; n > 0; n >>= 1)
            hash.AppendData((n & 1) != 0 ? b : key);
        hash.GetHashAndReset(a);

        // P: H(the key, once per byte of the key), stretched to the key's length.
        Span<byte> dp = stackalloc byte[h];
        for (var i = 0; i < key.Length; i++)
            hash.AppendData(key);
        hash.GetHashAndReset(dp);

        // S: H(the salt, 16 + A[0] times), cut to the salt's length (the salt is at most 16 bytes).
        Span<byte> s = stackalloc byte[h];
        for (var i = 0; i < 16 + a[0]; i++)
            hash.AppendData(salt);
        hash.GetHashAndReset(s);
        s = s[..salt.Length];

        // Buffers are sized once so the rounds below neither allocate nor call the hash more than
        // once each: every round's input is built in 'round' and hashed in one shot.
        // CryptPassphrase caps the key at 511 bytes, so the stack use is bounded.
        var roundCapacity = (2 * Math.Max(h, key.Length)) + key.Length + salt.Length;
        Span<byte> p = key.Length <= 512 ? stackalloc byte[key.Length] : new byte[key.Length];
        Span<byte> round = roundCapacity <= 2048 ? stackalloc byte[roundCapacity] : new byte[roundCapacity];
        for (var i = 0; i < key.Length; i += h)
            dp[..Math.Min(h, key.Length - i)].CopyTo(p[i..]);

        // Each round: C = H(odd ? P : C, [S unless r % 3 == 0], [P unless r % 7 == 0], odd ? C : P).
        Span<byte> c = stackalloc byte[h];
        a.CopyTo(c);
        for (var r = 0; r < rounds; r++)
        {
            var odd = (r & 1) != 0;
            var length = Append(round, 0, odd ? p : c);
            if (r % 3 != 0)
                length = Append(round, length, s);
            if (r % 7 != 0)
                length = Append(round, length, p);
            length = Append(round, length, odd ? c : p);
            CryptographicOperations.HashData(Algorithm, round[..length], c);
        }

        c.CopyTo(digest);
        CryptographicOperations.ZeroMemory(p);
        CryptographicOperations.ZeroMemory(round);
        CryptographicOperations.ZeroMemory(dp);
    }

    private static int Append(Span<byte> buffer, int length, ReadOnlySpan<byte> part)
    {
        part.CopyTo(buffer[length..]);
        return length + part.Length;
    }
}
