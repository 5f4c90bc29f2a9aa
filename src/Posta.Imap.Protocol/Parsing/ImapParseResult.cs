using Posta.Imap.Protocol.Commands;

namespace Posta.Imap.Protocol.Parsing;

/// <summary>The outcome of one <see cref="ImapCommandParser"/> call, by <see cref="ImapParseStatus"/>.</summary>
/// <param name="Command">Complete from TryParse: the command.</param>
/// <param name="AppendNext">Complete from TryParseAppendNext: the next message, or null when the APPEND ended.</param>
/// <param name="Literal">NeedLiteral: the literal awaited.</param>
/// <param name="Tag">NeedLiteral and Error: the command's tag, when it could be read.</param>
/// <param name="LiteralPrefixLength">
/// NeedLiteral: how many octets from the reader's position up to and including the literal's
/// "{n}CRLF". A session refusing a synchronizing literal skips them (the client sends nothing more
/// for that command).
/// </param>
/// <param name="Error">Error: what was wrong.</param>
public readonly record struct ImapParseResult(
    ImapCommand? Command,
    AppendMessage? AppendNext,
    LiteralRequest Literal,
    string? Tag,
    long LiteralPrefixLength,
    ImapSyntaxError? Error);
