namespace Posta.Imap.Protocol.Commands;

/// <summary>A sequence set (message numbers) or UID set, either possibly "$" (RFC 5182).</summary>
/// <param name="Set">The set.</param>
/// <param name="Uid">UID set rather than sequence numbers.</param>
public sealed record SequenceKey(SequenceSet Set, bool Uid) : SearchKey;
