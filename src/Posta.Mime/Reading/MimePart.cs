using Posta.Mime.Encodings;
using Posta.Mime.Headers;

namespace Posta.Mime.Reading;

/// <summary>
/// One node of a message's part tree: where its header block and body are in the source, its parsed
/// headers (raw bytes kept), and its content type, disposition and transfer encoding. Content is not
/// held: decode it from the source with <see cref="MimeContent"/>.
/// </summary>
public sealed class MimePart
{
    private static readonly IReadOnlyList<MimePart> NoChildren = [];
    private List<MimePart>? children;

    internal MimePart(MimePart? parent, long headerOffset, int depth)
    {
        Parent = parent;
        HeaderOffset = headerOffset;
        Depth = depth;
    }

    /// <summary>The multipart or message/rfc822 part this part belongs to; <see langword="null"/> for the top level.</summary>
    public MimePart? Parent { get; }

    /// <summary>Nesting depth: 0 for the top level, one more per multipart or encapsulated message.</summary>
    public int Depth { get; }

    /// <summary>How the body was treated.</summary>
    public MimePartKind Kind { get; internal set; }

    /// <summary>The header fields, raw bytes kept.</summary>
    public HeaderList Headers { get; internal set; } = HeaderList.Empty;

    /// <summary>Offset of the header block in the source.</summary>
    public long HeaderOffset { get; internal set; }

    /// <summary>Length of the header block, the blank line that ends it included.</summary>
    public long HeaderLength { get; internal set; }

    /// <summary>True when the header block ended with a blank line (rather than end of input, a boundary or a non-header line).</summary>
    public bool HasHeaderTerminator { get; internal set; }

    /// <summary>Offset of the body in the source.</summary>
    public long BodyOffset => HeaderOffset + HeaderLength;

    /// <summary>Length of the body; the line break before a boundary belongs to the boundary (RFC 2046 §5.1.1).</summary>
    public long BodyLength { get; internal set; }

    /// <summary>Number of line feeds in the body.</summary>
    public long BodyLineCount { get; internal set; }

    /// <summary>The body length with every bare LF counted as CRLF, as IMAP reports sizes.</summary>
    public long BodyVirtualLength => BodyLength + BodyBareLineFeeds;

    /// <summary>Offset just past the body.</summary>
    public long EndOffset => BodyOffset + BodyLength;

    /// <summary>The content type; the default when the header is absent or unusable (see <see cref="ContentType.IsDefault"/>).</summary>
    public ContentType ContentType { get; internal set; } = ContentType.TextPlain;

    /// <summary>The Content-Disposition, or <see langword="null"/>.</summary>
    public ContentDisposition? ContentDisposition { get; internal set; }

    /// <summary>The Content-Transfer-Encoding; 7bit when absent or unparseable.</summary>
    public ContentTransferEncoding TransferEncoding { get; internal set; }

    /// <summary>The Content-Transfer-Encoding token as written, or <see langword="null"/> when absent or not a token.</summary>
    public string? TransferEncodingName { get; internal set; }

    /// <summary>The parts of a multipart, in order.</summary>
    public IReadOnlyList<MimePart> Children => children ?? NoChildren;

    /// <summary>The top-level part of the message a message/rfc822 (or message/global) part carries.</summary>
    public MimePart? EncapsulatedMessage { get; internal set; }

    /// <summary>Irregularities met in this part.</summary>
    public MimeProblems Problems { get; internal set; }

    /// <summary>The filename: Content-Disposition's filename, else Content-Type's name.</summary>
    public string? FileName => ContentDisposition?.FileName ?? ContentType.Name;

    /// <summary>True when this part is a top-level message or the top of an encapsulated one.</summary>
    public bool IsMessageRoot => Parent is null || Parent.Kind == MimePartKind.Message;

    internal long BodyBareLineFeeds { get; set; }

    // The header block's blank line: 2 for CRLF, 1 for LF, 0 when there was none.
    internal int HeaderTerminatorLength { get; set; }

    // True when the input ended inside the header block's last line (no line break after it).
    internal bool HeaderEndsMidLine { get; set; }

    internal void AddChild(MimePart child) => (children ??= []).Add(child);

    /// <inheritdoc/>
    public override string ToString() => ContentType.MimeType;
}
