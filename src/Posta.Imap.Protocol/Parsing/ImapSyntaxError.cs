namespace Posta.Imap.Protocol.Parsing;

/// <summary>A refused command.</summary>
/// <param name="Tag">The command's tag when it could be read, else null (answer untagged).</param>
/// <param name="Kind">How to answer.</param>
/// <param name="Message">Human-readable text for the reply (no client data beyond a short, sanitized token).</param>
public sealed record ImapSyntaxError(string? Tag, ImapErrorKind Kind, string Message);
