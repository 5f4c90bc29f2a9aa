namespace Posta.Storage;

/// <summary>The outcome of an EXPUNGE.</summary>
/// <param name="Uids">UIDs removed, ascending.</param>
/// <param name="HighestModSeq">The mailbox's HIGHESTMODSEQ afterwards.</param>
public sealed record ExpungeResult(IReadOnlyList<uint> Uids, ulong HighestModSeq);
