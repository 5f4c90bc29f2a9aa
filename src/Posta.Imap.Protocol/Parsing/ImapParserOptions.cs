namespace Posta.Imap.Protocol.Parsing;

/// <summary>Limits the parser enforces before it does any work.</summary>
public sealed class ImapParserOptions
{
    /// <summary>
    /// Octets of one command, its inline literals included (APPEND message literals excluded).
    /// Dovecot's imap_max_line_length is 64 KiB; RFC 9051 §4 asks servers to accept at least 8000-octet lines.
    /// </summary>
    public int MaxCommandLength { get; init; } = 64 * 1024;

    /// <summary>Nesting depth of parentheses (SEARCH keys, LIST options): deeper input is refused, never recursed into.</summary>
    public int MaxNesting { get; init; } = 32;
}
