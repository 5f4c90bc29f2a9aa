using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace Posta.Smtp.Protocol.Replies;

/// <summary>
/// An enhanced mail system status code (RFC 3463 §2, used in replies per RFC 2034):
/// <c>class "." subject "." detail</c>, with class 2, 4 or 5 and subject and detail of one to
/// three digits. Registry: RFC 5248.
/// </summary>
public readonly record struct EnhancedStatusCode
{
    /// <summary>Creates a code, checking the ranges of RFC 3463 §2.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A part is out of range.</exception>
    public EnhancedStatusCode(int @class, int subject, int detail)
    {
        if (@class is not (2 or 4 or 5))
        {
            throw new ArgumentOutOfRangeException(nameof(@class), @class, "RFC 3463 §2: the class is 2, 4 or 5.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(subject);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(subject, 999);
        ArgumentOutOfRangeException.ThrowIfNegative(detail);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(detail, 999);
        Class = @class;
        Subject = subject;
        Detail = detail;
    }

    /// <summary>2 success, 4 persistent transient failure, 5 permanent failure.</summary>
    public int Class { get; }

    /// <summary>The subject (RFC 3463 §3: 1 addressing, 2 mailbox, 3 mail system, 4 network, 5 protocol, 6 content, 7 security).</summary>
    public int Subject { get; }

    /// <summary>The detail within the subject.</summary>
    public int Detail { get; }

    /// <summary>The longest text form: "5.999.999".</summary>
    internal const int MaxLength = 9;

    /// <summary>Parses "c.s.d" exactly.</summary>
    /// <exception cref="FormatException">The text is not an enhanced status code.</exception>
    public static EnhancedStatusCode Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Span<byte> bytes = stackalloc byte[MaxLength];
        if (text.Length > MaxLength || Ascii.FromUtf16(text, bytes, out var written) != OperationStatus.Done
            || TryParsePrefix(bytes[..written], out var code) != written)
        {
            throw new FormatException($"'{text}' is not an RFC 3463 status code.");
        }

        return code;
    }

    /// <summary>
    /// Reads a code at the start of <paramref name="text"/>; returns the number of bytes it spans,
    /// or 0 when the text does not start with one.
    /// </summary>
    public static int TryParsePrefix(ReadOnlySpan<byte> text, out EnhancedStatusCode code)
    {
        code = default;
        if (text.Length < 5 || text[0] is not ((byte)'2' or (byte)'4' or (byte)'5') || text[1] != (byte)'.')
        {
            return 0;
        }

        var position = 2;
        if (!Number(text, ref position, out var subject) || position >= text.Length || text[position] != (byte)'.')
        {
            return 0;
        }

        position++;
        if (!Number(text, ref position, out var detail))
        {
            return 0;
        }

        code = new EnhancedStatusCode(text[0] - '0', subject, detail);
        return position;
    }

    /// <summary>Writes "c.s.d" as ASCII; returns the number of bytes written.</summary>
    public int Format(Span<byte> destination)
    {
        if (!Utf8.TryWrite(destination, CultureInfo.InvariantCulture, $"{Class}.{Subject}.{Detail}", out var written))
        {
            throw new ArgumentException("The destination is too small.", nameof(destination));
        }

        return written;
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Class}.{Subject}.{Detail}");

    private static bool Number(ReadOnlySpan<byte> text, ref int position, out int value)
    {
        value = 0;
        var start = position;
        while (position < text.Length && position - start < 3 && char.IsAsciiDigit((char)text[position]))
        {
            value = (value * 10) + (text[position] - '0');
            position++;
        }

        // One to three digits, and not the first of four.
        return position > start && (position >= text.Length || !char.IsAsciiDigit((char)text[position]));
    }
}
