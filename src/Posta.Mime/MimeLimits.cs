namespace Posta.Mime;

/// <summary>
/// Limits the MIME reader enforces while it streams. Exceeding one never fails the parse: the reader
/// stops building structure (or stops storing header bytes), records a <see cref="MimeProblems"/> flag
/// and carries on, so every byte of the message stays addressable by offset.
/// </summary>
public sealed class MimeLimits
{
    /// <summary>
    /// Default nesting depth of multiparts and encapsulated messages: 100, the default of Postfix's
    /// <c>mime_nesting_limit</c> and Dovecot's <c>message_max_nested_mime_parts</c>. A multipart or
    /// message/rfc822 part deeper than this is treated as an opaque leaf.
    /// </summary>
    public const int DefaultMaxNestingDepth = 100;

    /// <summary>
    /// Default number of parts in one message: 10 000, Dovecot's <c>message_max_total_mime_parts</c>.
    /// Once reached, boundaries are no longer recognised and the rest of the message is body of the
    /// part that was open.
    /// </summary>
    public const int DefaultMaxParts = 10_000;

    /// <summary>
    /// Default number of bytes stored for one header field, folding included: 102 400, Postfix's
    /// <c>header_size_limit</c>. Longer fields keep their full source offset and length but their stored
    /// bytes are truncated.
    /// </summary>
    public const int DefaultMaxHeaderFieldSize = 102_400;

    /// <summary>
    /// Default number of header fields stored per part: 1 000. RFC 5322 sets no limit; real mail carries
    /// at most a few hundred (Received chains), and this bounds the per-part cost. Further fields still
    /// belong to the header block (offsets, editing) but are not stored.
    /// </summary>
    public const int DefaultMaxHeaderCount = 1_000;

    /// <summary>
    /// Default number of header bytes stored per part: 1 MiB, ten times Postfix's per-field limit. Further
    /// fields still belong to the header block but are not stored.
    /// </summary>
    public const int DefaultMaxHeaderBlockSize = 1 << 20;

    /// <summary>The largest <see cref="MaxNestingDepth"/> accepted: views of the tree recurse once per level.</summary>
    public const int MaxNestingDepthCeiling = 1_000;

    /// <summary>Lines longer than this many bytes are processed in fragments of this size.</summary>
    /// <remarks>
    /// RFC 5322 §2.1.1 caps lines at 998 octets; 8 KiB leaves room for the real-world excess while
    /// bounding the bytes the reader needs to see at once. A boundary is recognised only at a line start.
    /// </remarks>
    public const int LineFragmentSize = 8192;

    /// <summary>Longest boundary parameter honoured: RFC 5322's 998-octet line minus the leading "--".</summary>
    /// <remarks>RFC 2046 §5.1.1 allows 70 characters; longer ones occur in the wild and are accepted.</remarks>
    public const int MaxBoundaryLength = 996;

    /// <summary>The limits used when none are given.</summary>
    public static MimeLimits Default { get; } = new();

    /// <summary>Maximum nesting depth of multiparts and encapsulated messages.</summary>
    public int MaxNestingDepth { get; init; } = DefaultMaxNestingDepth;

    /// <summary>Maximum number of parts in one message, the top-level part included.</summary>
    public int MaxParts { get; init; } = DefaultMaxParts;

    /// <summary>Maximum stored bytes of one header field.</summary>
    public int MaxHeaderFieldSize { get; init; } = DefaultMaxHeaderFieldSize;

    /// <summary>Maximum number of stored header fields per part.</summary>
    public int MaxHeaderCount { get; init; } = DefaultMaxHeaderCount;

    /// <summary>Maximum stored header bytes per part.</summary>
    public int MaxHeaderBlockSize { get; init; } = DefaultMaxHeaderBlockSize;

    /// <summary>Throws when a limit is out of range; call it when loading configuration.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A limit is zero, negative or inconsistent.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxNestingDepth, 1, nameof(MaxNestingDepth));
        // The IMAP views recurse once per level: this bound keeps them far from the stack's end.
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxNestingDepth, MaxNestingDepthCeiling, nameof(MaxNestingDepth));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxParts, 1, nameof(MaxParts));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxHeaderFieldSize, 78, nameof(MaxHeaderFieldSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxHeaderCount, 1, nameof(MaxHeaderCount));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxHeaderBlockSize, MaxHeaderFieldSize, nameof(MaxHeaderBlockSize));
    }
}
