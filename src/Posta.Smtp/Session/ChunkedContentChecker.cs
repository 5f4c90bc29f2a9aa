using System.Buffers;
using Posta.Smtp.Protocol.Data;

namespace Posta.Smtp.Session;

/// <summary>
/// Checks BDAT content (RFC 3030) as it arrives, across chunk boundaries: the same rules as DATA
/// (<see cref="SmtpDataDecoder"/>) minus dot-stuffing, so a message stored from BDAT has CRLF line
/// endings and no NUL, and the size limit holds while streaming.
/// </summary>
internal sealed class ChunkedContentChecker(long maxSize)
{
    private static readonly SearchValues<byte> Specials = SearchValues.Create("\r\n\0"u8);

    private bool _afterCarriageReturn;

    /// <summary>Octets seen so far.</summary>
    public long Length { get; private set; }

    /// <summary>The first problem found; content after it need not be kept.</summary>
    public SmtpDataError Error { get; private set; }

    /// <summary>True when the content so far ends with CRLF (or is empty).</summary>
    public bool EndsWithLineBreak { get; private set; } = true;

    /// <summary>Checks the next piece of content.</summary>
    public void Add(ReadOnlySequence<byte> content)
    {
        foreach (var segment in content)
        {
            Add(segment.Span);
        }
    }

    private void Add(ReadOnlySpan<byte> span)
    {
        if (span.IsEmpty)
        {
            return;
        }

        Length += span.Length;
        if (Error != SmtpDataError.None)
        {
            return;
        }

        if (maxSize > 0 && Length > maxSize)
        {
            Error = SmtpDataError.MessageTooLarge;
            return;
        }

        var i = 0;
        while (i < span.Length)
        {
            if (_afterCarriageReturn)
            {
                if (span[i] != (byte)'\n')
                {
                    Error = SmtpDataError.BareCarriageReturn;
                    return;
                }

                _afterCarriageReturn = false;
                i++;
                continue;
            }

            var next = span[i..].IndexOfAny(Specials);
            if (next < 0)
            {
                break;
            }

            i += next;
            switch (span[i])
            {
                case (byte)'\r':
                    _afterCarriageReturn = true;
                    break;
                case (byte)'\n':
                    Error = SmtpDataError.BareLineFeed;
                    return;
                default:
                    Error = SmtpDataError.NulCharacter;
                    return;
            }

            i++;
        }

        EndsWithLineBreak = span[^1] == (byte)'\n';
    }

    /// <summary>Call at the end of the content: a CR as the very last octet is a bare CR.</summary>
    public void Complete()
    {
        if (Error == SmtpDataError.None && _afterCarriageReturn)
        {
            Error = SmtpDataError.BareCarriageReturn;
        }
    }
}
