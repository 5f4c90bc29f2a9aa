namespace Posta.Imap.Protocol.Commands;

/// <summary>The &lt;origin.count&gt; of a partial BODY[] or BINARY[] fetch (RFC 9051 §6.4.5).</summary>
/// <param name="Offset">The first octet wanted, from 0.</param>
/// <param name="Count">How many octets at most (non-zero).</param>
public readonly record struct FetchPartial(long Offset, long Count);
