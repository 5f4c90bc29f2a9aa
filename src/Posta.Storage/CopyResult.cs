namespace Posta.Storage;

/// <summary>The outcome of a COPY or MOVE: what IMAP COPYUID (RFC 4315) reports.</summary>
/// <param name="TargetMailboxId">The target mailbox.</param>
/// <param name="TargetUidValidity">Its UIDVALIDITY.</param>
/// <param name="SourceUids">UIDs copied, ascending.</param>
/// <param name="TargetUids">The new UIDs, in the same order as <paramref name="SourceUids"/>.</param>
/// <param name="SourceModSeq">For a MOVE, the mod-sequence of the expunge in the source; otherwise null.</param>
public sealed record CopyResult(
    long TargetMailboxId,
    uint TargetUidValidity,
    IReadOnlyList<uint> SourceUids,
    IReadOnlyList<uint> TargetUids,
    ulong? SourceModSeq);
