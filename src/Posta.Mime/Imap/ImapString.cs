using System.Globalization;
using System.Text;

namespace Posta.Mime.Imap;

/// <summary>
/// A string as octets (header bytes may be raw UTF-8 or legacy 8-bit). Whether it goes out as a quoted
/// string or a literal is the IMAP writer's choice: <see cref="CanBeQuoted"/> says whether quoting is possible.
/// </summary>
public sealed class ImapString(ReadOnlyMemory<byte> value) : ImapValue
{
    /// <summary>Creates a string from text, as UTF-8.</summary>
    public ImapString(string value)
        : this(Encoding.UTF8.GetBytes(value ?? throw new ArgumentNullException(nameof(value))))
    {
    }

    /// <summary>The octets.</summary>
    public ReadOnlyMemory<byte> Value { get; } = value;

    /// <summary>
    /// True when RFC 9051's quoted string can carry the value: no CR, LF or NUL and no 8-bit octets
    /// (which need UTF8=ACCEPT, a session matter for the writer).
    /// </summary>
    public bool CanBeQuoted
    {
        get
        {
            foreach (var b in Value.Span)
            {
                if (b is 0 or (byte)'\r' or (byte)'\n' || b >= 0x80)
                    return false;
            }

            return true;
        }
    }

    /// <inheritdoc/>
    public override void WriteTo(StringBuilder output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var span = Value.Span;
        if (!CanBeQuoted)
        {
            output.Append(CultureInfo.InvariantCulture, $"{{{span.Length}}}\r\n").Append(Encoding.UTF8.GetString(span));
            return;
        }

        output.Append('"');
        foreach (var b in span)
        {
            if (b is (byte)'"' or (byte)'\\')
                output.Append('\\');
            output.Append((char)b);
        }

        output.Append('"');
    }
}
