namespace Posta.Imap.Protocol.Commands;

/// <summary>BODY string (body only) or TEXT string (header and body), case-insensitive substring.</summary>
/// <param name="BodyOnly">BODY rather than TEXT.</param>
/// <param name="Value">The substring, decoded with the command's charset.</param>
public sealed record TextKey(bool BodyOnly, string Value) : SearchKey;
