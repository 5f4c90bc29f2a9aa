namespace Posta.Imap.Protocol.Commands;

/// <summary>FETCH data items (RFC 9051 §6.4.5 and the extensions Posta serves). Macros are expanded by the parser.</summary>
public enum FetchItemKind
{
    /// <summary>UID.</summary>
    Uid,

    /// <summary>FLAGS.</summary>
    Flags,

    /// <summary>INTERNALDATE.</summary>
    InternalDate,

    /// <summary>RFC822.SIZE.</summary>
    Rfc822Size,

    /// <summary>ENVELOPE.</summary>
    Envelope,

    /// <summary>BODY without a section: the non-extensible body structure.</summary>
    Body,

    /// <summary>BODYSTRUCTURE.</summary>
    BodyStructure,

    /// <summary>BODY[section]&lt;partial&gt; or BODY.PEEK[...] (see <see cref="FetchItem.Peek"/>).</summary>
    BodySection,

    /// <summary>BINARY[section]&lt;partial&gt; or BINARY.PEEK[...] (RFC 3516).</summary>
    BinarySection,

    /// <summary>BINARY.SIZE[section] (RFC 3516).</summary>
    BinarySize,

    /// <summary>RFC822 (IMAP4rev1): BODY[] that sets \Seen.</summary>
    Rfc822,

    /// <summary>RFC822.HEADER (IMAP4rev1): BODY.PEEK[HEADER].</summary>
    Rfc822Header,

    /// <summary>RFC822.TEXT (IMAP4rev1): BODY[TEXT].</summary>
    Rfc822Text,

    /// <summary>MODSEQ (RFC 7162).</summary>
    ModSeq,

    /// <summary>EMAILID (RFC 8474).</summary>
    EmailId,

    /// <summary>THREADID (RFC 8474).</summary>
    ThreadId,

    /// <summary>SAVEDATE (RFC 8514).</summary>
    SaveDate,

    /// <summary>PREVIEW or PREVIEW (LAZY) (RFC 8970; see <see cref="FetchItem.Lazy"/>).</summary>
    Preview,
}
