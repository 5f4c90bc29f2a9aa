namespace Posta.Smtp.Outbound.Queue;

/// <summary>
/// How queued recipients leave the queue: into the local store, or (later) over LMTP to a store
/// node and over SMTP to other servers. The queue runner routes each recipient to the transport
/// registered for it (<see cref="QueueTransports"/>) and records what the transport says.
/// </summary>
public interface IDeliveryTransport
{
    /// <summary>
    /// Tries to deliver to every recipient of <paramref name="request"/>; returns one result per
    /// recipient, in the order of <see cref="TransportRequest.Recipients"/>. Throwing defers them all.
    /// </summary>
    /// <param name="request">The message and the recipients this transport is to deliver to.</param>
    /// <param name="cancellationToken">Signalled when the server stops; the recipients are then tried again later.</param>
    Task<IReadOnlyList<TransportResult>> DeliverAsync(TransportRequest request, CancellationToken cancellationToken);
}
