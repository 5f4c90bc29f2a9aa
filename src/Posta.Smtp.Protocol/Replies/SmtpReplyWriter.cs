using System.Buffers;
using System.Text;

namespace Posta.Smtp.Protocol.Replies;

/// <summary>
/// Writes replies (RFC 5321 §4.2): <c>code "-" text CRLF</c> for every line but the last,
/// <c>code SP text CRLF</c> for the last, the enhanced status code (RFC 2034 §3) after the code
/// on every line when enabled. Text is sanitised: CR, LF and other control characters (which a
/// client could otherwise smuggle into a reply through an echoed address) become "?", and so do
/// non-ASCII characters unless UTF-8 is allowed (RFC 6531 §3.7.4 permits it only in a few
/// replies). A line longer than <see cref="MaxLineLength"/> is truncated.
/// </summary>
public static class SmtpReplyWriter
{
    /// <summary>RFC 5321 §4.5.3.1.5: a reply line is at most 512 octets, code and CRLF included.</summary>
    public const int MaxLineLength = 512;

    /// <summary>Writes <paramref name="reply"/>.</summary>
    /// <param name="output">Where the bytes go.</param>
    /// <param name="reply">The reply.</param>
    /// <param name="enhancedStatusCodes">Write the reply's enhanced status code (the session advertised ENHANCEDSTATUSCODES).</param>
    /// <param name="allowUtf8">Keep non-ASCII characters as UTF-8 instead of replacing them.</param>
    public static void Write(IBufferWriter<byte> output, SmtpReply reply, bool enhancedStatusCodes = true, bool allowUtf8 = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(reply);
        var withStatus = enhancedStatusCodes && reply.Status is not null;
        if (allowUtf8)
        {
            WriteLines(output, reply, withStatus, allowUtf8: true);
            return;
        }

        var encoded = reply.GetCached(withStatus);
        if (encoded is null)
        {
            var buffer = new ArrayBufferWriter<byte>(MaxLineLength);
            WriteLines(buffer, reply, withStatus, allowUtf8: false);
            encoded = buffer.WrittenSpan.ToArray();
            reply.SetCached(withStatus, encoded);
        }

        output.Write(encoded);
    }

    /// <summary>Writes a one-line reply without building an <see cref="SmtpReply"/> first.</summary>
    public static void Write(IBufferWriter<byte> output, int code, EnhancedStatusCode? status, string text, bool enhancedStatusCodes = true, bool allowUtf8 = false) =>
        Write(output, new SmtpReply(code, status, text), enhancedStatusCodes, allowUtf8);

    private static void WriteLines(IBufferWriter<byte> output, SmtpReply reply, bool withStatus, bool allowUtf8)
    {
        var lines = reply.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            var span = output.GetSpan(MaxLineLength);
            var length = FormatLine(span[..MaxLineLength], reply.Code, i < lines.Count - 1, withStatus ? reply.Status : null, lines[i], allowUtf8);
            output.Advance(length);
        }
    }

    private static int FormatLine(Span<byte> line, int code, bool more, EnhancedStatusCode? status, string text, bool allowUtf8)
    {
        line[0] = (byte)('0' + (code / 100));
        line[1] = (byte)('0' + (code / 10 % 10));
        line[2] = (byte)('0' + (code % 10));
        line[3] = more ? (byte)'-' : (byte)' ';
        var position = 4;
        if (status is { } enhanced)
        {
            position += enhanced.Format(line[position..]);
            line[position++] = (byte)' ';
        }

        // Leave room for CRLF.
        var limit = line.Length - 2;
        foreach (var rune in text.EnumerateRunes())
        {
            var value = rune.Value;
            if (value == '\t' || (value >= 0x20 && value < 0x7F))
            {
                if (position >= limit)
                {
                    break;
                }

                line[position++] = (byte)value;
            }
            else if (allowUtf8 && value > 0x9F && rune != Rune.ReplacementChar)
            {
                if (position + rune.Utf8SequenceLength > limit)
                {
                    break;
                }

                position += rune.EncodeToUtf8(line[position..]);
            }
            else
            {
                // Controls (C0, DEL, C1), unpaired surrogates, and non-ASCII when not allowed.
                if (position >= limit)
                {
                    break;
                }

                line[position++] = (byte)'?';
            }
        }

        // An empty text keeps its separator: RFC 4954 §4 spells an empty challenge "334 ".
        line[position++] = (byte)'\r';
        line[position++] = (byte)'\n';
        return position;
    }
}
