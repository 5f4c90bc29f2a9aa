using System.Diagnostics.CodeAnalysis;

namespace Posta.Storage;

/// <summary>
/// The SHA-256 digest of a blob's bytes, which is also its name. Always 64 lower-case hex digits, so
/// a value of this type is safe to turn into a file name.
/// </summary>
public readonly struct BlobHash : IEquatable<BlobHash>
{
    /// <summary>Length of the hex form.</summary>
    public const int HexLength = 64;

    private readonly string? _hex;

    private BlobHash(string hex) => _hex = hex;

    /// <summary>The 64 lower-case hex digits.</summary>
    public string Hex => _hex ?? throw new InvalidOperationException("The default BlobHash names no blob.");

    /// <summary>Makes a hash from a 32-byte SHA-256 digest.</summary>
    public static BlobHash FromDigest(ReadOnlySpan<byte> digest)
    {
        if (digest.Length != 32)
        {
            throw new ArgumentException("A SHA-256 digest is 32 bytes.", nameof(digest));
        }

        return new BlobHash(Convert.ToHexStringLower(digest));
    }

    /// <summary>Parses 64 hex digits (either case).</summary>
    /// <exception cref="FormatException">The text is not 64 hex digits.</exception>
    public static BlobHash Parse(string hex) =>
        TryParse(hex, out var hash) ? hash : throw new FormatException("A blob hash is 64 hex digits.");

    /// <summary>Parses 64 hex digits (either case).</summary>
    public static bool TryParse([NotNullWhen(true)] string? hex, out BlobHash hash)
    {
        hash = default;
        if (hex is null || hex.Length != HexLength)
        {
            return false;
        }

        foreach (var c in hex)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        hash = new BlobHash(hex.ToLowerInvariant());
        return true;
    }

    /// <inheritdoc/>
    public bool Equals(BlobHash other) => string.Equals(_hex, other._hex, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is BlobHash other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _hex is null ? 0 : StringComparer.Ordinal.GetHashCode(_hex);

    /// <summary>The hex form.</summary>
    public override string ToString() => _hex ?? string.Empty;

    /// <summary>Equality.</summary>
    public static bool operator ==(BlobHash left, BlobHash right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(BlobHash left, BlobHash right) => !left.Equals(right);
}
