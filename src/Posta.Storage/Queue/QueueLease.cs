namespace Posta.Storage.Queue;

/// <summary>
/// Leased recipients of one queued message, with the message's envelope. The holder delivers them and
/// reports with <see cref="IQueueStore.CompleteAsync"/> before <see cref="LeaseUntil"/>; after that
/// the recipients may be handed out again.
/// </summary>
/// <param name="MessageId">The message's id in the queue.</param>
/// <param name="Envelope">The message's envelope; its recipients are the leased ones, in the order of <paramref name="Recipients"/>.</param>
/// <param name="Size">The content's length in octets.</param>
/// <param name="LeaseUntil">When the lease runs out.</param>
/// <param name="Recipients">The leased recipients, by position.</param>
public sealed record QueueLease(long MessageId, QueueEntry Envelope, long Size, DateTimeOffset LeaseUntil, IReadOnlyList<LeasedRecipient> Recipients);
