namespace Posta.Imap.Protocol.Commands;

/// <summary>
/// One message of an APPEND (RFC 9051 §6.3.12; several with RFC 3502 MULTIAPPEND). The parser stops
/// right after the literal's announcement: the session streams <see cref="Literal"/>.Length octets to
/// the store, then asks the parser for the next message or the end of the command.
/// </summary>
/// <param name="Flags">The flag list as sent ("\Seen", "$Label"); empty when absent.</param>
/// <param name="InternalDate">The date-time argument, or null.</param>
/// <param name="Literal">The message literal.</param>
public sealed record AppendMessage(IReadOnlyList<string> Flags, DateTimeOffset? InternalDate, LiteralRequest Literal);
