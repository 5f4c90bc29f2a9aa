using System.Globalization;
using System.Text;
using Posta.Mime.Imap;

namespace Posta.Mime.Tests.Differential;

/// <summary>
/// One text form for Dovecot's replies and Posta's <see cref="ImapValue"/> trees, so the two compare
/// byte for byte apart from whitespace: every string is written quoted whatever form it came in (quoted
/// or literal), octets that are not printable ASCII or valid UTF-8 as <c>\xNN</c>; elements are
/// separated by one space, or by none where the lists were written adjacent.
/// </summary>
/// <remarks>
/// Whitespace inside strings is normalised too: runs of space, tab, CR and LF become one space and
/// leading and trailing ones go. Dovecot does that to the subject and display names of an ENVELOPE
/// ("for humans"), where Posta sends the unfolded header value as it is; RFC 3501 asks for neither.
/// </remarks>
internal static class DovecotComparisonText
{
    public static string Of(ImapValue value)
    {
        var text = new StringBuilder();
        Write(text, value);
        return text.ToString();
    }

    public static string Of(DovecotReply value)
    {
        var text = new StringBuilder();
        Write(text, value);
        return text.ToString();
    }

    private static void Write(StringBuilder text, ImapValue value)
    {
        switch (value)
        {
            case ImapNil:
                text.Append("NIL");
                break;
            case ImapNumber number:
                text.Append(number.Value.ToString(CultureInfo.InvariantCulture));
                break;
            case ImapString s:
                WriteString(text, s.Value.Span);
                break;
            case ImapList list:
                text.Append('(');
                for (var i = 0; i < list.Items.Count; i++)
                {
                    if (i > 0 && !list.IsAdjacent(i))
                        text.Append(' ');
                    Write(text, list.Items[i]);
                }

                text.Append(')');
                break;
            default:
                throw new ArgumentException("unknown IMAP value " + value.GetType(), nameof(value));
        }
    }

    private static void Write(StringBuilder text, DovecotReply value)
    {
        switch (value.Kind)
        {
            case DovecotReplyKind.Atom:
                text.Append(value.Atom);
                break;
            case DovecotReplyKind.String:
                WriteString(text, value.Bytes);
                break;
            default:
                text.Append('(');
                for (var i = 0; i < value.Items.Count; i++)
                {
                    if (i > 0 && value.Items[i].SpaceBefore)
                        text.Append(' ');
                    Write(text, value.Items[i]);
                }

                text.Append(')');
                break;
        }
    }

    private static void WriteString(StringBuilder text, ReadOnlySpan<byte> octets)
    {
        text.Append('"');
        octets = octets.Trim(" \t\r\n"u8);
        while (!octets.IsEmpty)
        {
            if (octets[0] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                text.Append(' ');
                octets = octets.TrimStart(" \t\r\n"u8);
                continue;
            }

            if (Rune.DecodeFromUtf8(octets, out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                text.Append(CultureInfo.InvariantCulture, $"\\x{octets[0]:X2}");
                octets = octets[1..];
                continue;
            }

            octets = octets[consumed..];
            switch (rune.Value)
            {
                case '"' or '\\':
                    text.Append('\\').Append((char)rune.Value);
                    break;
                case < 0x20 or 0x7F:
                    text.Append(CultureInfo.InvariantCulture, $"\\x{rune.Value:X2}");
                    break;
                default:
                    text.Append(rune.ToString());
                    break;
            }
        }

        text.Append('"');
    }
}
