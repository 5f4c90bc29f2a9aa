namespace Posta.Smtp.Outbound.Queue;

/// <summary>What a delivery attempt did for one recipient.</summary>
public enum TransportOutcome
{
    /// <summary>The recipient has the message, or a server that took responsibility for it does.</summary>
    Delivered,

    /// <summary>Not now: tried again later, until the queue lifetime runs out.</summary>
    Deferred,

    /// <summary>Never: the recipient is given up and the sender told.</summary>
    Failed,
}
