namespace Posta.Storage;

/// <summary>A mailbox and the counters IMAP SELECT reports.</summary>
/// <param name="Id">Store-wide identifier; not reused by a re-created mailbox.</param>
/// <param name="UserId">Owner.</param>
/// <param name="Name">Full hierarchical name, "/" separated; INBOX always upper-case.</param>
/// <param name="UidValidity">UIDVALIDITY: non-zero, different for every incarnation of a name.</param>
/// <param name="UidNext">UIDNEXT: the UID the next message will get; never decreases.</param>
/// <param name="HighestModSeq">HIGHESTMODSEQ (RFC 7162): the mod-sequence of the latest change.</param>
/// <param name="SpecialUse">Special-use attributes (RFC 6154).</param>
/// <param name="Subscribed">Whether the name is in the owner's subscription list.</param>
public sealed record MailboxInfo(
    long Id,
    long UserId,
    string Name,
    uint UidValidity,
    uint UidNext,
    ulong HighestModSeq,
    SpecialUse SpecialUse,
    bool Subscribed);
