namespace Posta.Storage;

/// <summary>
/// A committed change to a user's mailbox. Events are hints: a subscriber reads the new state from the
/// store (for instance with <see cref="IMailStore.GetChangesAsync"/>) rather than from the event.
/// </summary>
/// <param name="UserId">Owner of the mailbox.</param>
/// <param name="MailboxId">The mailbox (0 for <see cref="MailboxChangeKind.Overflow"/>).</param>
/// <param name="Kind">What changed.</param>
/// <param name="HighestModSeq">The mailbox's HIGHESTMODSEQ after the change.</param>
public sealed record MailboxChange(long UserId, long MailboxId, MailboxChangeKind Kind, ulong HighestModSeq);
