namespace Posta.Imap.Protocol.Commands;

/// <summary>Several keys that must all match: a parenthesized list, or the top-level keys of a command.</summary>
/// <param name="Keys">At least one key.</param>
public sealed record AndKey(IReadOnlyList<SearchKey> Keys) : SearchKey;
