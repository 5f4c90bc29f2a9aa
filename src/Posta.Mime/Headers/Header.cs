using Posta.Mime.Encodings;

namespace Posta.Mime.Headers;

/// <summary>
/// One header field as it appeared in the source: its exact bytes (folding and line ending included)
/// and where they are, next to its decoded value.
/// </summary>
public sealed class Header
{
    private readonly int valueStart;
    private string? value;

    internal Header(string name, ReadOnlyMemory<byte> rawField, int valueStart, long offset, long length)
    {
        Name = name;
        RawField = rawField;
        this.valueStart = valueStart;
        Offset = offset;
        Length = length;
    }

    /// <summary>The field name as written, without the colon or whitespace before it.</summary>
    public string Name { get; }

    /// <summary>
    /// The stored bytes of the whole field, name to line ending. Shorter than <see cref="Length"/>
    /// only when the field exceeded <see cref="MimeLimits.MaxHeaderFieldSize"/>.
    /// </summary>
    public ReadOnlyMemory<byte> RawField { get; }

    /// <summary>Offset of the field's first byte in the source.</summary>
    public long Offset { get; }

    /// <summary>Length of the field in the source, line ending included.</summary>
    public long Length { get; }

    /// <summary>True when the stored bytes were cut at <see cref="MimeLimits.MaxHeaderFieldSize"/>.</summary>
    public bool IsTruncated => RawField.Length < Length;

    /// <summary>The bytes after the colon, folding kept, final line ending removed.</summary>
    public ReadOnlyMemory<byte> RawValue
    {
        get
        {
            var span = RawField.Span;
            var end = span.Length;
            if (!IsTruncated)
            {
                if (end > valueStart && span[end - 1] == '\n')
                    end--;
                if (end > valueStart && span[end - 1] == '\r')
                    end--;
            }

            return RawField[Math.Min(valueStart, end)..end];
        }
    }

    /// <summary>
    /// The value decoded as unstructured text (RFC 5322 §3.2.5): unfolded, trimmed, RFC 2047 encoded
    /// words decoded, raw 8-bit read as UTF-8 (RFC 6532).
    /// </summary>
    public string Value => value ??= EncodedWords.DecodeUnstructured(RawValue.Span);

    /// <summary>
    /// The value unfolded but not decoded: leading whitespace skipped, CR and LF removed, the rest
    /// byte for byte. This is what IMAP ENVELOPE and BODYSTRUCTURE carry.
    /// </summary>
    public byte[] GetUnfoldedValue()
    {
        var span = RawValue.Span;
        var start = 0;
        while (start < span.Length && ByteClass.IsFws(span[start]))
            start++;
        span = span[start..];
        var result = new byte[span.Length - span.Count((byte)'\r') - span.Count((byte)'\n')];
        var n = 0;
        foreach (var b in span)
        {
            if (b is not ((byte)'\r' or (byte)'\n'))
                result[n++] = b;
        }

        return result;
    }

    /// <summary>True when this field's name equals <paramref name="name"/>, ignoring ASCII case.</summary>
    public bool Is(string name) => string.Equals(Name, name, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override string ToString() => Name + ": " + Value;
}
