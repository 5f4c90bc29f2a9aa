namespace Posta.Mime;

/// <summary>Irregularities the reader met and recovered from. None of them stops the parse.</summary>
[Flags]
public enum MimeProblems
{
    /// <summary>Nothing irregular.</summary>
    None = 0,

    /// <summary>A line that is neither a header field nor blank ended the header block (RFC 5322 §2.1).</summary>
    MissingHeaderBodySeparator = 1 << 0,

    /// <summary>A folded continuation line appeared before any header field; it was skipped.</summary>
    OrphanContinuationLine = 1 << 1,

    /// <summary>A multipart ended without its close delimiter (RFC 2046 §5.1.1).</summary>
    MissingEndBoundary = 1 << 2,

    /// <summary>A multipart lacked its boundary parameter and was treated as a leaf.</summary>
    MissingBoundary = 1 << 3,

    /// <summary>Nesting went past <see cref="MimeLimits.MaxNestingDepth"/>; deeper structure is opaque.</summary>
    NestingLimitExceeded = 1 << 4,

    /// <summary>The message had more parts than <see cref="MimeLimits.MaxParts"/>.</summary>
    PartLimitExceeded = 1 << 5,

    /// <summary>More header fields than <see cref="MimeLimits.MaxHeaderCount"/>; the excess was not stored.</summary>
    HeaderCountLimitExceeded = 1 << 6,

    /// <summary>A header field was longer than <see cref="MimeLimits.MaxHeaderFieldSize"/>; its stored bytes are truncated.</summary>
    HeaderFieldTruncated = 1 << 7,

    /// <summary>Header bytes past <see cref="MimeLimits.MaxHeaderBlockSize"/> were not stored.</summary>
    HeaderBlockLimitExceeded = 1 << 8,

    /// <summary>A message/rfc822 part had a transfer encoding other than 7bit, 8bit or binary and was left opaque.</summary>
    EncodedMessagePart = 1 << 9,

    /// <summary>A line was longer than <see cref="MimeLimits.LineFragmentSize"/> bytes.</summary>
    LongLine = 1 << 10,

    /// <summary>The header block ended at end of input, without a blank line.</summary>
    TruncatedHeader = 1 << 11,

    /// <summary>
    /// A multipart had no body part (RFC 2046 §5.1.1 requires one). When no delimiter occurred at all the
    /// part is read as a leaf, so its text stays reachable; after a lone close delimiter it stays a
    /// multipart with no children.
    /// </summary>
    NoBodyParts = 1 << 12,
}
