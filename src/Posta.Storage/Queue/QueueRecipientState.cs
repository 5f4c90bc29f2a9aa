namespace Posta.Storage.Queue;

/// <summary>Where a queued recipient stands.</summary>
public enum QueueRecipientState
{
    /// <summary>Not delivered yet: due at its next attempt.</summary>
    Pending = 0,

    /// <summary>Delivered; kept until the message's last pending recipient is done.</summary>
    Delivered = 1,

    /// <summary>Failed for good (refused permanently, or given up after the queue lifetime).</summary>
    Failed = 2,
}
