namespace Posta.Storage;

/// <summary>
/// Users' mailboxes and messages, with the IMAP invariants built in: UIDs ascend and are never reused
/// in a mailbox, every change gets a new, higher mod-sequence (RFC 7162), and a re-created mailbox name
/// gets a new UIDVALIDITY. Every mutating call is one transaction that is durable when the call
/// returns; concurrent calls share their commits.
/// </summary>
/// <remarks>
/// Message operations take a mailbox id obtained from a user-scoped lookup
/// (<see cref="GetMailboxAsync"/>, <see cref="ListMailboxesAsync"/>); they throw
/// <see cref="MailboxNotFoundException"/> once the mailbox is gone. Mailbox names use "/" as the
/// hierarchy separator; "INBOX" matches case-insensitively, every other name exactly.
/// </remarks>
public interface IMailStore
{
    /// <summary>The user's mailboxes, ordered by name.</summary>
    ValueTask<IReadOnlyList<MailboxInfo>> ListMailboxesAsync(long userId, CancellationToken cancellationToken = default);

    /// <summary>The user's mailbox with that name, or null.</summary>
    ValueTask<MailboxInfo?> GetMailboxAsync(long userId, string name, CancellationToken cancellationToken = default);

    /// <summary>The mailbox with that id, or null.</summary>
    ValueTask<MailboxInfo?> GetMailboxByIdAsync(long mailboxId, CancellationToken cancellationToken = default);

    /// <summary>Message counts and size of a mailbox, with its counters, in one snapshot.</summary>
    ValueTask<MailboxStatus> GetMailboxStatusAsync(long mailboxId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates a mailbox, and any missing superior levels of its name (RFC 9051 §6.3.4). Does not
    /// subscribe it.
    /// </summary>
    /// <exception cref="MailboxExistsException">The name exists.</exception>
    /// <exception cref="InvalidMailboxNameException">The name is not acceptable.</exception>
    /// <exception cref="UserNotFoundException">No such user.</exception>
    Task<MailboxInfo> CreateMailboxAsync(long userId, string name, SpecialUse specialUse = SpecialUse.None, CancellationToken cancellationToken = default);

    /// <summary>
    /// Renames a mailbox and the mailboxes below it, keeping their UIDVALIDITY and messages; their
    /// subscriptions follow. Renaming INBOX moves its messages to a new mailbox and leaves INBOX empty
    /// (RFC 9051 §6.3.6).
    /// </summary>
    /// <exception cref="MailboxNotFoundException">No mailbox has the old name.</exception>
    /// <exception cref="MailboxExistsException">The new name, or a name below it, exists.</exception>
    /// <exception cref="MailboxOperationNotAllowedException">The new name is below the old one.</exception>
    Task<MailboxInfo> RenameMailboxAsync(long userId, string oldName, string newName, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes a mailbox with its messages; mailboxes below it stay. The subscription stays too
    /// (RFC 9051 §6.3.9).
    /// </summary>
    /// <exception cref="MailboxNotFoundException">No such mailbox.</exception>
    /// <exception cref="MailboxOperationNotAllowedException">The mailbox is INBOX.</exception>
    Task DeleteMailboxAsync(long userId, string name, CancellationToken cancellationToken = default);

    /// <summary>Adds a name to, or removes it from, the user's subscriptions; the mailbox need not exist.</summary>
    Task SetSubscribedAsync(long userId, string name, bool subscribed, CancellationToken cancellationToken = default);

    /// <summary>The user's subscribed names, ordered, including names with no mailbox.</summary>
    ValueTask<IReadOnlyList<string>> ListSubscriptionsAsync(long userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a message in a mailbox (IMAP APPEND). Returns once bytes and metadata are durable.
    /// </summary>
    /// <exception cref="MailboxNotFoundException">No such mailbox.</exception>
    /// <exception cref="QuotaExceededException">The owner has no room; nothing was stored.</exception>
    Task<AppendResult> AppendAsync(long mailboxId, Stream content, AppendOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores one message for several recipients in one transaction, sharing one copy of the bytes
    /// (SMTP and LMTP delivery). Each target succeeds or fails on its own; the results are in the order
    /// of <paramref name="targets"/>. Returns once everything is durable.
    /// </summary>
    Task<IReadOnlyList<DeliveryResult>> DeliverAsync(
        Stream content,
        IReadOnlyList<DeliveryTarget> targets,
        DateTimeOffset? internalDate = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Messages whose UID lies in <paramref name="uids"/>, ascending by UID; with
    /// <paramref name="changedSince"/> above zero only those whose mod-sequence is higher (CONDSTORE
    /// FETCH CHANGEDSINCE).
    /// </summary>
    ValueTask<IReadOnlyList<MessageRecord>> FetchAsync(
        long mailboxId,
        IReadOnlyList<UidRange> uids,
        ulong changedSince = 0,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Changes flags and keywords (IMAP STORE). Messages whose flags end up as they were keep their
    /// mod-sequence; the others share one new mod-sequence. With <paramref name="unchangedSince"/>,
    /// messages changed after it are left alone and reported in <see cref="StoreFlagsResult.Modified"/>.
    /// </summary>
    Task<StoreFlagsResult> StoreFlagsAsync(
        long mailboxId,
        IReadOnlyList<UidRange> uids,
        FlagChange change,
        ulong? unchangedSince = null,
        CancellationToken cancellationToken = default);

    /// <summary>Copies messages to another mailbox (IMAP COPY), charging the target owner's quota.</summary>
    /// <exception cref="QuotaExceededException">The target owner has no room; nothing was copied.</exception>
    Task<CopyResult> CopyAsync(long sourceMailboxId, IReadOnlyList<UidRange> uids, long targetMailboxId, CancellationToken cancellationToken = default);

    /// <summary>Moves messages to another mailbox (IMAP MOVE, RFC 6851): a copy and an expunge in one transaction.</summary>
    Task<CopyResult> MoveAsync(long sourceMailboxId, IReadOnlyList<UidRange> uids, long targetMailboxId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes the messages flagged \Deleted (IMAP EXPUNGE), only those in <paramref name="uids"/> when
    /// given (UID EXPUNGE, RFC 4315). Removed UIDs stay in the change log for QRESYNC.
    /// </summary>
    Task<ExpungeResult> ExpungeAsync(long mailboxId, IReadOnlyList<UidRange>? uids = null, CancellationToken cancellationToken = default);

    /// <summary>Messages changed and UIDs expunged after <paramref name="sinceModSeq"/> (QRESYNC, RFC 7162 §3.2).</summary>
    ValueTask<MailboxChanges> GetChangesAsync(long mailboxId, ulong sinceModSeq, CancellationToken cancellationToken = default);

    /// <summary>The user's storage use and limit.</summary>
    /// <exception cref="UserNotFoundException">No such user.</exception>
    ValueTask<QuotaUsage> GetQuotaAsync(long userId, CancellationToken cancellationToken = default);
}
