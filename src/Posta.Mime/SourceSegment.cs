namespace Posta.Mime;

/// <summary>A run of output bytes: either a range of the message source or literal bytes.</summary>
public readonly record struct SourceSegment
{
    private SourceSegment(long offset, long length, ReadOnlyMemory<byte> literal, bool isLiteral)
    {
        Offset = offset;
        Length = length;
        Literal = literal;
        IsLiteral = isLiteral;
    }

    /// <summary>Offset in the source (for a source range).</summary>
    public long Offset { get; }

    /// <summary>Length in bytes.</summary>
    public long Length { get; }

    /// <summary>The bytes of a literal segment.</summary>
    public ReadOnlyMemory<byte> Literal { get; }

    /// <summary>True for literal bytes, false for a source range.</summary>
    public bool IsLiteral { get; }

    /// <summary>A range of the source.</summary>
    public static SourceSegment FromSource(long offset, long length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        return new SourceSegment(offset, length, default, false);
    }

    /// <summary>Literal bytes.</summary>
    public static SourceSegment FromBytes(ReadOnlyMemory<byte> bytes) => new(0, bytes.Length, bytes, true);
}
