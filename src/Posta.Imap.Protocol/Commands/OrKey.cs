namespace Posta.Imap.Protocol.Commands;

/// <summary>OR key1 key2.</summary>
/// <param name="Left">The first key.</param>
/// <param name="Right">The second key.</param>
public sealed record OrKey(SearchKey Left, SearchKey Right) : SearchKey;
