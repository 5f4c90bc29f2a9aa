namespace Posta.Imap.Protocol.Parsing;

/// <summary>How the session answers a command the parser refused.</summary>
public enum ImapErrorKind
{
    /// <summary>Tagged BAD (or untagged BAD without a usable tag); the line was consumed and the session goes on.</summary>
    Bad,

    /// <summary>Tagged NO [BADCHARSET (UTF-8 US-ASCII)]: an unknown SEARCH/SORT/THREAD charset (RFC 9051 §6.4.4); the line was consumed.</summary>
    BadCharset,

    /// <summary>
    /// The input cannot be delimited into a command within the limits (line or literal too long for a
    /// non-APPEND command, nesting too deep): answer BYE and close. Nothing more can be read safely.
    /// </summary>
    Fatal,
}
