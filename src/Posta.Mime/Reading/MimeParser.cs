using System.Buffers;
using Posta.Mime.Encodings;
using Posta.Mime.Headers;

namespace Posta.Mime.Reading;

/// <summary>
/// Incremental MIME reader. Feed it the message in blocks with <see cref="Parse"/> (it consumes whole
/// lines and leaves a partial last line for the next call, so it suits a PipeReader) and call
/// <see cref="Complete"/> at the end. Memory stays bounded by the header limits and one line
/// fragment, whatever the message size. Never throws on any input.
/// </summary>
public sealed class MimeParser
{
    private const int BoundaryProbeLength = MimeLimits.MaxBoundaryLength + 4;

    private readonly MimeLimits limits;
    private readonly bool headersOnly;
    private readonly List<Frame> stack = [];
    private readonly HeaderCollector headers;
    private readonly MimePart root;
    private long position;
    private long lineFeeds;
    private long bareLineFeeds;
    private int previousEol;
    private bool inLine;
    private bool fragmentEndedWithCr;
    private bool lineIsHeaderField;
    private bool atInputStart = true;
    private bool hasMboxFromLine;
    private int activeBoundaries;
    private int partCount = 1;
    private bool frozen;
    private bool stopped;
    private MimeMessage? result;
    private MimeProblems problems;

    /// <summary>Creates a reader for one message.</summary>
    /// <param name="limits">Limits to enforce; <see cref="MimeLimits.Default"/> when <see langword="null"/>.</param>
    public MimeParser(MimeLimits? limits = null)
        : this(limits, headersOnly: false)
    {
    }

    internal MimeParser(MimeLimits? limits, bool headersOnly)
    {
        this.limits = limits ?? MimeLimits.Default;
        this.limits.Validate();
        this.headersOnly = headersOnly;
        headers = new HeaderCollector(this.limits);
        root = new MimePart(null, 0, 0);
        stack.Add(new Frame(root, ContentType.TextPlain));
    }

    /// <summary>Bytes consumed so far.</summary>
    public long Position => position;

    /// <summary>True once a headers-only reader has seen the end of the top-level header block.</summary>
    public bool IsStopped => stopped;

    /// <summary>
    /// Consumes every complete line in <paramref name="reader"/>. A partial last line is left unread unless
    /// <paramref name="isFinalBlock"/> is set or it is longer than <see cref="MimeLimits.LineFragmentSize"/>.
    /// </summary>
    public void Parse(ref SequenceReader<byte> reader, bool isFinalBlock)
    {
        if (result is not null)
            throw new InvalidOperationException("The parser has completed.");
        while (!stopped)
        {
            if (reader.TryReadTo(out ReadOnlySequence<byte> line, (byte)'\n', advancePastDelimiter: true))
            {
                HandleLine(line, hasLineFeed: true);
                continue;
            }

            var remaining = reader.Remaining;
            if (remaining == 0)
                break;
            if (remaining >= MimeLimits.LineFragmentSize)
            {
                var fragment = reader.UnreadSequence.Slice(0, MimeLimits.LineFragmentSize);
                reader.Advance(MimeLimits.LineFragmentSize);
                HandleLine(fragment, hasLineFeed: false);
                continue;
            }

            if (isFinalBlock)
            {
                var rest = reader.UnreadSequence;
                reader.Advance(remaining);
                HandleLine(rest, hasLineFeed: false);
            }

            break;
        }
    }

    /// <summary>Ends the input: closes every open part at the current position and returns the message.</summary>
    public MimeMessage Complete()
    {
        if (result is not null)
            return result;
        CloseAbove(-1, position, excludedEol: 0);
        result = new MimeMessage(root, position, partCount, problems, hasMboxFromLine);
        return result;
    }

    private void HandleLine(in ReadOnlySequence<byte> content, bool hasLineFeed)
    {
        var lineStart = position;
        var length = content.Length + (hasLineFeed ? 1 : 0);
        var lastIsCr = content.IsEmpty ? inLine && fragmentEndedWithCr : LastByte(content) == '\r';
        var eol = hasLineFeed ? (lastIsCr ? 2 : 1) : 0;

        if (!inLine)
            DispatchLineStart(content, hasLineFeed, lineStart, length, eol);
        else if (lineIsHeaderField && stack[^1].State == FrameState.Headers)
            headers.Append(content, hasLineFeed);

        position += length;
        if (hasLineFeed)
        {
            lineFeeds++;
            if (eol == 1)
                bareLineFeeds++;
            previousEol = eol;
            inLine = false;
            if (length > 1000)
                problems |= MimeProblems.LongLine;
        }
        else
        {
            inLine = true;
            fragmentEndedWithCr = lastIsCr;
            problems |= MimeProblems.LongLine;
        }
    }

    private void DispatchLineStart(in ReadOnlySequence<byte> content, bool hasLineFeed, long lineStart, long length, int eol)
    {
        lineIsHeaderField = false;
        // Only a line split across segments needs its start copied out.
        Span<byte> probe = content.IsSingleSegment ? default : stackalloc byte[BoundaryProbeLength];
        var head = Head(content, probe);

        if (atInputStart)
        {
            atInputStart = false;
            if (head.StartsWith("From "u8))
            {
                // An mbox separator line: not part of the message.
                hasMboxFromLine = true;
                root.HeaderOffset = lineStart + length;
                return;
            }
        }

        if (activeBoundaries > 0 && !frozen && head.Length >= 2 && head[0] == '-' && head[1] == '-' && MatchBoundary(head, out var index, out var isClose))
        {
            HandleBoundary(index, isClose, lineStart, lineStart + length);
            return;
        }

        if (stack[^1].State == FrameState.Headers)
            HandleHeaderLine(content, head, hasLineFeed, lineStart, length, eol);
    }

    private void HandleHeaderLine(in ReadOnlySequence<byte> content, ReadOnlySpan<byte> head, bool hasLineFeed, long lineStart, long length, int eol)
    {
        while (true)
        {
            var frame = stack[^1];
            if (hasLineFeed && (head.IsEmpty || (head.Length == 1 && head[0] == '\r')))
            {
                EndHeaders(frame, lineStart + length, lineFeeds + 1, bareLineFeeds + (eol == 1 ? 1 : 0), terminated: true);
                frame.Part.HeaderTerminatorLength = eol;
                return;
            }

            if (!head.IsEmpty && ByteClass.IsWsp(head[0]))
            {
                if (headers.InField)
                {
                    headers.Append(content, hasLineFeed);
                    lineIsHeaderField = true;
                }
                else
                {
                    frame.Part.Problems |= MimeProblems.OrphanContinuationLine;
                    problems |= MimeProblems.OrphanContinuationLine;
                }

                return;
            }

            var colon = FieldNameEnd(head, out var nameLength);
            if (colon > 0)
            {
                headers.Begin(HeaderNames.Get(head[..nameLength]), colon + 1, lineStart, content, hasLineFeed);
                lineIsHeaderField = true;
                return;
            }

            // Neither a field nor blank: the body starts here (RFC 5322 §2.1 has no other reading).
            frame.Part.Problems |= MimeProblems.MissingHeaderBodySeparator;
            problems |= MimeProblems.MissingHeaderBodySeparator;
            EndHeaders(frame, lineStart, lineFeeds, bareLineFeeds, terminated: false);

            // The line may be the first header line of an encapsulated message: look at it again.
            if (stopped || stack[^1].State != FrameState.Headers)
                return;
        }
    }

    // Returns the colon index of "field-name *WSP ':'" (RFC 5322 §3.6.8 and obs-optional, §4.5), or -1.
    private static int FieldNameEnd(ReadOnlySpan<byte> head, out int nameLength)
    {
        var i = 0;
        while (i < head.Length && ByteClass.IsFtext(head[i]))
            i++;
        nameLength = i;
        if (i == 0)
            return -1;
        while (i < head.Length && ByteClass.IsWsp(head[i]))
            i++;
        return i < head.Length && head[i] == ':' ? i : -1;
    }

    private void EndHeaders(Frame frame, long bodyOffset, long startLineFeeds, long startBareLineFeeds, bool terminated)
    {
        var part = frame.Part;
        part.Headers = headers.Build();
        part.Problems |= headers.Problems;
        problems |= headers.Problems;
        headers.Reset();
        part.HeaderLength = bodyOffset - part.HeaderOffset;
        part.HasHeaderTerminator = terminated;
        frame.BodyStartLineFeeds = startLineFeeds;
        frame.BodyStartBareLineFeeds = startBareLineFeeds;
        Interpret(part, frame.DefaultType);
        frame.State = FrameState.Leaf;

        if (headersOnly && part == root)
        {
            stopped = true;
            return;
        }

        var type = part.ContentType;
        if (type.MediaType == "multipart")
        {
            var boundary = type.BoundaryBytes;
            if (boundary is null)
            {
                Flag(part, MimeProblems.MissingBoundary);
            }
            else if (frozen)
            {
                Flag(part, MimeProblems.PartLimitExceeded);
            }
            else if (part.Depth >= limits.MaxNestingDepth)
            {
                Flag(part, MimeProblems.NestingLimitExceeded);
            }
            else
            {
                part.Kind = MimePartKind.Multipart;
                frame.State = FrameState.Preamble;
                frame.Boundary = boundary;
                activeBoundaries++;
            }
        }
        else if (type.MediaType == "message" && type.MediaSubtype is "rfc822" or "global")
        {
            if (part.TransferEncoding is not (ContentTransferEncoding.SevenBit or ContentTransferEncoding.EightBit or ContentTransferEncoding.Binary))
            {
                // RFC 2046 §5.2.1 allows no other encoding; an encoded message cannot be read in place.
                Flag(part, MimeProblems.EncodedMessagePart);
            }
            else if (part.Depth >= limits.MaxNestingDepth)
            {
                Flag(part, MimeProblems.NestingLimitExceeded);
            }
            else if (frozen || partCount >= limits.MaxParts)
            {
                Flag(part, MimeProblems.PartLimitExceeded);
                frozen = true;
            }
            else
            {
                part.Kind = MimePartKind.Message;
                frame.State = FrameState.Message;
                var inner = new MimePart(part, bodyOffset, part.Depth + 1);
                part.EncapsulatedMessage = inner;
                partCount++;
                stack.Add(new Frame(inner, ContentType.TextPlain));
            }
        }
    }

    private void Flag(MimePart part, MimeProblems problem)
    {
        part.Problems |= problem;
        problems |= problem;
    }

    private static void Interpret(MimePart part, ContentType defaultType)
    {
        // The first occurrence of each Content-* field counts, as in Python's email package and Dovecot.
        var contentType = part.Headers["Content-Type"];
        part.ContentType = contentType is null ? defaultType : ContentType.Parse(contentType.RawValue.Span, ContentType.TextPlain);

        var disposition = part.Headers["Content-Disposition"];
        if (disposition is not null)
            part.ContentDisposition = ContentDisposition.Parse(disposition.RawValue.Span);

        var encoding = part.Headers["Content-Transfer-Encoding"];
        if (encoding is not null)
        {
            var value = encoding.RawValue.Span;
            var i = 0;
            Lexer.SkipCfws(value, ref i);
            var token = Lexer.ReadToken(value, ref i);
            if (!token.IsEmpty)
            {
                var name = System.Text.Encoding.Latin1.GetString(token);
                part.TransferEncodingName = name;
                part.TransferEncoding = name.ToLowerInvariant() switch
                {
                    "7bit" => ContentTransferEncoding.SevenBit,
                    "8bit" => ContentTransferEncoding.EightBit,
                    "binary" => ContentTransferEncoding.Binary,
                    "quoted-printable" => ContentTransferEncoding.QuotedPrintable,
                    "base64" => ContentTransferEncoding.Base64,
                    "x-uuencode" or "uuencode" or "x-uue" or "uue" => ContentTransferEncoding.UUEncode,
                    _ => ContentTransferEncoding.Unknown,
                };
            }
        }
    }

    private bool MatchBoundary(ReadOnlySpan<byte> head, out int index, out bool isClose)
    {
        // Prefix match (RFC 2046 §5.1.1 forbids a boundary "as the prefix of any line" inside the part, so
        // trailing garbage after a delimiter is tolerated); among open multiparts whose boundary matches,
        // the longest boundary wins and, between equals, the innermost: nested multiparts that reuse or
        // extend a boundary still pair up. Dovecot's message parser uses the same rule.
        index = -1;
        var bestLength = -1;
        for (var k = stack.Count - 1; k >= 0; k--)
        {
            var frame = stack[k];
            if (!frame.BoundaryActive)
                continue;
            var boundary = frame.Boundary!;
            if (boundary.Length > bestLength && head.Length >= 2 + boundary.Length && head.Slice(2, boundary.Length).SequenceEqual(boundary))
            {
                index = k;
                bestLength = boundary.Length;
            }
        }

        if (index < 0)
        {
            isClose = false;
            return false;
        }

        var rest = head[(2 + bestLength)..];
        isClose = rest.Length >= 2 && rest[0] == '-' && rest[1] == '-';
        return true;
    }

    private void HandleBoundary(int index, bool isClose, long lineStart, long lineEnd)
    {
        CloseAbove(index, lineStart, previousEol);
        var frame = stack[index];
        if (isClose)
        {
            frame.State = FrameState.Epilogue;
            activeBoundaries--;
            if (frame.Part.Children.Count == 0)
                Flag(frame.Part, MimeProblems.NoBodyParts);

            return;
        }

        if (partCount >= limits.MaxParts)
        {
            // Past the limit nothing more is split: the rest is body of this multipart.
            Flag(frame.Part, MimeProblems.PartLimitExceeded);
            frozen = true;
            frame.State = FrameState.Epilogue;
            activeBoundaries--;
            return;
        }

        frame.State = FrameState.Parts;
        var child = new MimePart(frame.Part, lineEnd, frame.Part.Depth + 1);
        frame.Part.AddChild(child);
        partCount++;
        headers.Reset();
        var defaultType = frame.Part.ContentType.MediaSubtype == "digest" ? ContentType.MessageRfc822 : ContentType.TextPlain;
        stack.Add(new Frame(child, defaultType));
    }

    // Closes every frame above stack[index] at `end`; the line break just before `end` belongs to the boundary.
    private void CloseAbove(int index, long end, int excludedEol)
    {
        for (var k = stack.Count - 1; k > index; k--)
        {
            var frame = stack[k];
            var part = frame.Part;
            if (frame.State == FrameState.Headers)
            {
                // The header block runs up to the boundary or end of input; the body is empty.
                EndHeadersAt(frame, end);
                part.HeaderEndsMidLine = index < 0 && inLine;
                if (index < 0 && part == root)
                    Flag(part, MimeProblems.TruncatedHeader);
            }

            if (frame.BoundaryActive)
            {
                activeBoundaries--;
                if (part.Children.Count == 0)
                {
                    part.Kind = MimePartKind.Leaf;
                    Flag(part, MimeProblems.NoBodyParts);
                }
                else
                {
                    Flag(part, MimeProblems.MissingEndBoundary);
                }
            }

            var bodyEnd = end - excludedEol;
            var excluded = excludedEol > 0 && bodyEnd >= part.BodyOffset;
            if (!excluded)
                bodyEnd = Math.Max(end, part.BodyOffset);
            part.BodyLength = Math.Max(0, bodyEnd - part.BodyOffset);
            part.BodyLineCount = Math.Max(0, lineFeeds - frame.BodyStartLineFeeds - (excluded ? 1 : 0));
            part.BodyBareLineFeeds = Math.Max(0, bareLineFeeds - frame.BodyStartBareLineFeeds - (excluded && excludedEol == 1 ? 1 : 0));
            stack.RemoveAt(k);
        }
    }

    private void EndHeadersAt(Frame frame, long end)
    {
        var part = frame.Part;
        part.Headers = headers.Build();
        part.Problems |= headers.Problems;
        problems |= headers.Problems;
        headers.Reset();
        part.HeaderLength = Math.Max(0, end - part.HeaderOffset);
        frame.BodyStartLineFeeds = lineFeeds;
        frame.BodyStartBareLineFeeds = bareLineFeeds;
        Interpret(part, frame.DefaultType);
        frame.State = FrameState.Leaf;
    }

    private static ReadOnlySpan<byte> Head(in ReadOnlySequence<byte> content, Span<byte> probe)
    {
        var first = content.FirstSpan;
        if (content.IsSingleSegment || first.Length >= probe.Length)
            return first;
        var take = (int)Math.Min(probe.Length, content.Length);
        content.Slice(0, take).CopyTo(probe);
        return probe[..take];
    }

    private static byte LastByte(in ReadOnlySequence<byte> content)
    {
        if (content.IsSingleSegment)
            return content.FirstSpan[^1];
        Span<byte> last = stackalloc byte[1];
        content.Slice(content.Length - 1).CopyTo(last);
        return last[0];
    }
}
