namespace Posta.Storage.Queue;

/// <summary>
/// The durable mail queue: messages accepted for recipients that are not delivered yet. Each
/// recipient is pending until it is delivered or failed for good; a message's rows and its blob
/// reference go when none of its recipients is pending any more. Work is handed out by lease, so a
/// process that dies while holding some simply lets the lease run out and another picks it up.
/// </summary>
public interface IQueueStore
{
    /// <summary>
    /// Stores the content in the blob store and commits the message with its recipients (pending,
    /// due now). Durable when the task completes: the bytes are fsync'd before the commit, and the
    /// commit itself is synchronous.
    /// </summary>
    /// <returns>The message's id in the queue.</returns>
    /// <exception cref="DuplicateQueueIdException">Another queued message has the same <see cref="QueueEntry.QueueId"/>.</exception>
    /// <exception cref="ArgumentException">The entry is malformed (no recipient, a value out of range).</exception>
    Task<long> EnqueueAsync(Stream content, QueueEntry entry, CancellationToken cancellationToken = default);

    /// <summary>
    /// Leases up to <paramref name="max"/> pending recipients that are due at <paramref name="now"/> and not
    /// leased, until <paramref name="now"/> + <paramref name="lease"/>; returns them grouped by message,
    /// earliest due first.
    /// </summary>
    Task<IReadOnlyList<QueueLease>> LeaseDueAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records what became of leased recipients, in one transaction: delivered, failed for good, or
    /// deferred to a next attempt (each counts an attempt and clears the lease). When no recipient of
    /// the message is pending any more, the message leaves the queue and its blob reference is released.
    /// Outcomes for recipients that are no longer pending are ignored.
    /// </summary>
    /// <exception cref="QueueMessageNotFoundException">The message is not in the queue.</exception>
    Task CompleteAsync(long messageId, IReadOnlyList<RecipientOutcome> outcomes, CancellationToken cancellationToken = default);

    /// <summary>Opens a queued message's content for reading, from its start.</summary>
    /// <exception cref="QueueMessageNotFoundException">The message is not in the queue.</exception>
    Task<Stream> OpenContentAsync(long messageId, CancellationToken cancellationToken = default);

    /// <summary>Every queued message with all its recipients, oldest first.</summary>
    Task<IReadOnlyList<QueuedMessageInfo>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// When the earliest pending recipient becomes due (its next attempt, or the end of its lease if
    /// that is later); null when nothing is pending.
    /// </summary>
    Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken = default);
}
