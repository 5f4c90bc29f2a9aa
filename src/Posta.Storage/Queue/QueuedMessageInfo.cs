namespace Posta.Storage.Queue;

/// <summary>A queued message as an administrator sees it (<c>posta queue list</c>).</summary>
/// <param name="MessageId">The message's id in the queue.</param>
/// <param name="Envelope">The envelope as queued (its recipients without their state).</param>
/// <param name="Size">The content's length in octets.</param>
/// <param name="Recipients">Every recipient with its state.</param>
public sealed record QueuedMessageInfo(long MessageId, QueueEntry Envelope, long Size, IReadOnlyList<QueuedRecipientInfo> Recipients);
