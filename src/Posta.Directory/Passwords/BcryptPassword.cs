using System.Buffers.Binary;
using System.Security.Cryptography;
using BouncyCastleBCrypt = Org.BouncyCastle.Crypto.Generators.BCrypt;

namespace Posta.Directory.Passwords;

/// <summary>
/// bcrypt as crypt_blowfish (libxcrypt, hence Dovecot's BLF-CRYPT) writes it:
/// "$2y$", a two-digit cost, "$", 22 characters of salt and 31 of digest.
/// </summary>
/// <remarks>
/// The Eksblowfish core is BouncyCastle's; the key it gets is prepared here the way crypt_blowfish
/// prepares it, which is where the variants differ:
/// <list type="bullet">
/// <item>the passphrase's bytes and its terminating NUL repeat until 18 32-bit words (72 bytes)
/// are filled, so a passphrase of 72 bytes or more has no NUL and anything past byte 72 is ignored;</item>
/// <item>$2b$ and $2y$ are the same correct algorithm under two names (OpenBSD's and crypt_blowfish's);</item>
/// <item>$2x$ reproduces crypt_blowfish's pre-2011 sign-extension bug for bytes above 0x7F;</item>
/// <item>$2a$ is $2b$ plus a countermeasure that only fires when the buggy and the correct key
/// expansions coincide, which needs a 0xFF byte before a byte above 0x7F within a word; UTF-8 never
/// contains 0xFF, so for Posta's passwords $2a$ equals $2b$. (OpenBSD's own old $2a$ length
/// wrap-around only affected passphrases of 256 bytes or more, beyond the 72 that count.)</item>
/// </list>
/// </remarks>
internal sealed class BcryptPassword : StoredPassword
{
    internal const int MinCost = 4;
    internal const int MaxCost = 31;
    internal const int DefaultCost = 12;
    internal const int MaxPasswordBytes = 72;
    internal const int SaltSize = 16;
    private const int KeySize = 72;

    // crypt_blowfish keeps 23 of the 24 bytes Eksblowfish produces.
    internal const int DigestSize = 23;

    // "$2y$12$" + 22 salt + 31 digest.
    private const int EncodedLength = 7 + 22 + 31;

    private readonly char minor;
    private readonly int cost;
    private readonly byte[] salt;
    private readonly byte[] digest;

    private BcryptPassword(char minor, int cost, byte[] salt, byte[] digest)
    {
        this.minor = minor;
        this.cost = cost;
        this.salt = salt;
        this.digest = digest;
    }

    public override bool Matches(ReadOnlySpan<byte> password)
    {
        if (!CryptPassphrase.IsUsable(password))
            return false;
        Span<byte> actual = stackalloc byte[DigestSize];
        ComputeDigest(minor, password, salt, cost, actual);
        return CryptographicOperations.FixedTimeEquals(actual, digest);
    }

    internal static bool TryParse(string data, string label, out StoredPassword? password, out string? error)
    {
        password = null;
        var minor = data.Length > 2 ? data[2] : '\0';
        if (data.Length < 4 || minor is not ('a' or 'b' or 'x' or 'y') || data[3] != '$')
        {
            error = $"{label} bcrypt hash must start with $2y$, $2b$, $2a$ or $2x$";
            return false;
        }

        var cost = data.Length >= 7 && char.IsAsciiDigit(data[4]) && char.IsAsciiDigit(data[5]) && data[6] == '$'
            ? ((data[4] - '0') * 10) + (data[5] - '0')
            : -1;
        if (cost is < MinCost or > MaxCost)
        {
            error = $"{label} bcrypt cost must be two digits from {MinCost:D2} to {MaxCost} followed by '$'";
            return false;
        }

        var salt = new byte[SaltSize];
        var digest = new byte[DigestSize];
        if (data.Length != EncodedLength
            || !BcryptBase64.TryDecode(data.AsSpan(7, 22), salt)
            || !BcryptBase64.TryDecode(data.AsSpan(29), digest))
        {
            error = $"{label} bcrypt salt and digest must be 53 characters of ./A-Za-z0-9 in canonical form";
            return false;
        }

        password = new BcryptPassword(minor, cost, salt, digest);
        error = null;
        return true;
    }

    internal static string Format(char minor, int cost, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> digest)
    {
        Span<char> text = stackalloc char[EncodedLength];
        "$2".CopyTo(text);
        text[2] = minor;
        text[3] = '$';
        text[4] = (char)('0' + (cost / 10));
        text[5] = (char)('0' + (cost % 10));
        text[6] = '$';
        BcryptBase64.Encode(salt, text.Slice(7, 22));
        BcryptBase64.Encode(digest, text[29..]);
        return new string(text);
    }

    internal static void ComputeDigest(char minor, ReadOnlySpan<byte> password, byte[] salt, int cost, Span<byte> digest)
    {
        var key = new byte[KeySize];
        byte[]? output = null;
        try
        {
            ExpandKey(password, minor == 'x', key);
            output = BouncyCastleBCrypt.Generate(key, salt, cost);
            output.AsSpan(0, DigestSize).CopyTo(digest);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
            if (output is not null)
                CryptographicOperations.ZeroMemory(output);
        }
    }

    /// <summary>
    /// Fills the 72-byte key exactly as crypt_blowfish fills its 18 key words, so BouncyCastle,
    /// which cycles over whatever key it is given, sees the same words.
    /// </summary>
    private static void ExpandKey(ReadOnlySpan<byte> password, bool signExtensionBug, Span<byte> key)
    {
        var next = 0;
        for (var w = 0; w < KeySize; w += 4)
        {
            uint word = 0;
            for (var j = 0; j < 4; j++)
            {
                // Position password.Length is the C string's NUL, after which the passphrase starts over.
                var b = next < password.Length ? password[next] : (byte)0;
                next = next < password.Length ? next + 1 : 0;
                // The $2x$ bug: a byte above 0x7F went through a signed char and set every higher bit.
                var value = signExtensionBug && b >= 0x80 ? 0xFFFFFF00u | b : b;
                word = (word << 8) | value;
            }

            BinaryPrimitives.WriteUInt32BigEndian(key[w..], word);
        }
    }
}
