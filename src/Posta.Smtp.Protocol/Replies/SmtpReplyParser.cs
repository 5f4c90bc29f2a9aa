using System.Buffers;
using System.Text;
using Posta.Smtp.Protocol.Parsing;

namespace Posta.Smtp.Protocol.Replies;

/// <summary>
/// Incremental parser for server replies, for the SMTP and LMTP client (RFC 5321 §4.2):
/// <c>*( Reply-code "-" [ textstring ] CRLF ) Reply-code [ SP textstring ] CRLF</c>. An enhanced
/// status code (RFC 3463) at the start of the text is recognised when its class matches the
/// reply's, and removed from every line that carries it.
/// </summary>
public sealed class SmtpReplyParser
{
    /// <summary>
    /// Default longest line, CRLF included: 2048, Postfix's <c>line_length_limit</c>. RFC 5321
    /// §4.5.3.1.5 sets 512, but servers exceed it (long EHLO AUTH lines, verbose rejections).
    /// </summary>
    public const int DefaultMaxLineLength = 2048;

    /// <summary>Default most lines in one reply: 100, ample for the longest EHLO reply.</summary>
    public const int DefaultMaxLines = 100;

    private readonly int _maxLineLength;
    private readonly int _maxLines;
    private readonly bool _allowBareLineFeed;

    /// <summary>Creates a parser.</summary>
    /// <param name="maxLineLength">Longest line, CRLF included; at least 512 (RFC 5321 §4.5.3.1.5).</param>
    /// <param name="maxLines">Most lines in one reply.</param>
    /// <param name="allowBareLineFeed">Accept lines ending in LF alone.</param>
    /// <exception cref="ArgumentOutOfRangeException">A limit is out of range.</exception>
    public SmtpReplyParser(int maxLineLength = DefaultMaxLineLength, int maxLines = DefaultMaxLines, bool allowBareLineFeed = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineLength, SmtpReplyWriter.MaxLineLength);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLines, 1);
        _maxLineLength = maxLineLength;
        _maxLines = maxLines;
        _allowBareLineFeed = allowBareLineFeed;
    }

    /// <summary>
    /// Parses one complete reply. NeedMoreData consumes nothing; Done consumes the reply and sets
    /// <paramref name="reply"/>; InvalidData sets <paramref name="error"/> and consumes nothing
    /// (the client closes the connection).
    /// </summary>
    public OperationStatus TryParse(ref SequenceReader<byte> reader, out SmtpReply? reply, out SmtpReplyError error)
    {
        reply = null;
        error = SmtpReplyError.None;
        var scan = reader;
        var lines = new List<string>();
        var code = 0;
        EnhancedStatusCode? status = null;
        while (true)
        {
            switch (LineFraming.Find(ref scan, _maxLineLength, out var length))
            {
                case LineFraming.Status.NeedMoreData:
                    return OperationStatus.NeedMoreData;
                case LineFraming.Status.TooLong:
                    return Fail(SmtpReplyError.LineTooLong, out error);
            }

            var line = LineFraming.Contiguous(ref scan, length, out var rented);
            bool last;
            try
            {
                var lineError = Line(line, lines.Count == 0, ref code, ref status, out last, out var text);
                if (lineError != SmtpReplyError.None)
                {
                    return Fail(lineError, out error);
                }

                lines.Add(text);
            }
            finally
            {
                if (rented is not null)
                {
                    ArrayPool<byte>.Shared.Return(rented);
                }
            }

            scan.Advance(length);
            if (last)
            {
                break;
            }

            if (lines.Count >= _maxLines)
            {
                return Fail(SmtpReplyError.TooManyLines, out error);
            }
        }

        reader.Advance(scan.Consumed - reader.Consumed);
        reply = new SmtpReply(code, status, lines);
        return OperationStatus.Done;
    }

    private SmtpReplyError Line(ReadOnlySpan<byte> line, bool first, ref int code, ref EnhancedStatusCode? status, out bool last, out string text)
    {
        last = false;
        text = string.Empty;
        var crlf = line.Length >= 2 && line[^2] == (byte)'\r';
        if (!crlf && !_allowBareLineFeed)
        {
            return SmtpReplyError.BareLineFeed;
        }

        var content = line[..^(crlf ? 2 : 1)];
        if (content.IndexOfAny((byte)'\0', (byte)'\r') >= 0)
        {
            return SmtpReplyError.InvalidCharacter;
        }

        // Reply-code = %x32-35 %x30-35 %x30-39
        if (content.Length < 3 || content[0] is < (byte)'2' or > (byte)'5' || content[1] is < (byte)'0' or > (byte)'5' || content[2] is < (byte)'0' or > (byte)'9')
        {
            return SmtpReplyError.InvalidSyntax;
        }

        var lineCode = ((content[0] - '0') * 100) + ((content[1] - '0') * 10) + (content[2] - '0');
        if (!first && lineCode != code)
        {
            return SmtpReplyError.InconsistentCode;
        }

        code = lineCode;
        if (content.Length == 3)
        {
            last = true;
        }
        else if (content[3] is (byte)' ' or (byte)'-')
        {
            last = content[3] == (byte)' ';
        }
        else
        {
            return SmtpReplyError.InvalidSyntax;
        }

        var body = content.Length > 4 ? content[4..] : [];
        if (first && code / 100 != 3)
        {
            var length = EnhancedStatusCode.TryParsePrefix(body, out var enhanced);
            if (length > 0 && enhanced.Class == code / 100 && (length == body.Length || body[length] == (byte)' '))
            {
                status = enhanced;
            }
        }

        if (status is { } known)
        {
            var length = EnhancedStatusCode.TryParsePrefix(body, out var enhanced);
            if (length > 0 && enhanced == known && (length == body.Length || body[length] == (byte)' '))
            {
                body = body[Math.Min(length + 1, body.Length)..];
            }
        }

        text = Encoding.UTF8.GetString(body);
        return SmtpReplyError.None;
    }

    private static OperationStatus Fail(SmtpReplyError error, out SmtpReplyError result)
    {
        result = error;
        return OperationStatus.InvalidData;
    }
}
