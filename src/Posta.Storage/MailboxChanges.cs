namespace Posta.Storage;

/// <summary>What changed in a mailbox after a mod-sequence: CONDSTORE CHANGEDSINCE and QRESYNC VANISHED.</summary>
/// <param name="UidValidity">The mailbox's UIDVALIDITY (QRESYNC clients compare it first).</param>
/// <param name="HighestModSeq">HIGHESTMODSEQ at the time of the read.</param>
/// <param name="Changed">Messages added or changed after the mod-sequence, by UID.</param>
/// <param name="Vanished">UIDs expunged after the mod-sequence, ascending.</param>
public sealed record MailboxChanges(
    uint UidValidity,
    ulong HighestModSeq,
    IReadOnlyList<MessageRecord> Changed,
    IReadOnlyList<uint> Vanished);
