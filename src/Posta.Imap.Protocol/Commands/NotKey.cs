namespace Posta.Imap.Protocol.Commands;

/// <summary>NOT key.</summary>
/// <param name="Key">The negated key.</param>
public sealed record NotKey(SearchKey Key) : SearchKey;
