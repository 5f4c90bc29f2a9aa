namespace Posta.Mime.Imap;

/// <summary>The text part of an IMAP section-spec (RFC 3501 §6.4.5, RFC 9051 §6.4.5).</summary>
public enum ImapSectionText
{
    /// <summary>No text specifier: the whole message, or the body of the numbered part.</summary>
    None,

    /// <summary>HEADER: the message header, blank line included.</summary>
    Header,

    /// <summary>HEADER.FIELDS (names): the named fields and a blank line.</summary>
    HeaderFields,

    /// <summary>HEADER.FIELDS.NOT (names): the other fields and a blank line.</summary>
    HeaderFieldsNot,

    /// <summary>TEXT: the message body.</summary>
    Text,

    /// <summary>MIME: the MIME header of the numbered part.</summary>
    Mime,
}
