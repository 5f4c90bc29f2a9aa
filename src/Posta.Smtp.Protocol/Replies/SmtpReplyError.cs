namespace Posta.Smtp.Protocol.Replies;

/// <summary>Why a server's reply could not be read; each one is a protocol error for the client.</summary>
public enum SmtpReplyError
{
    /// <summary>No error.</summary>
    None,

    /// <summary>No CRLF within the line limit.</summary>
    LineTooLong,

    /// <summary>More lines than the limit.</summary>
    TooManyLines,

    /// <summary>A line does not start with a reply code (RFC 5321 §4.2: 2-5, 0-5, 0-9) followed by SP, "-" or the line end.</summary>
    InvalidSyntax,

    /// <summary>The lines of one reply carry different codes.</summary>
    InconsistentCode,

    /// <summary>A line ended in LF without CR.</summary>
    BareLineFeed,

    /// <summary>A line held NUL or a bare CR.</summary>
    InvalidCharacter,
}
