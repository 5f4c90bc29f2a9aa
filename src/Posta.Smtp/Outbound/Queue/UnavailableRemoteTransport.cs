namespace Posta.Smtp.Outbound.Queue;

/// <summary>
/// The remote transport until Posta can send mail to other servers: defers every recipient with
/// 451 4.4.0, so remote mail waits in the queue (and is given up only after the queue lifetime)
/// instead of being refused or lost.
/// </summary>
internal sealed class UnavailableRemoteTransport : IDeliveryTransport
{
    public Task<IReadOnlyList<TransportResult>> DeliverAsync(TransportRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        IReadOnlyList<TransportResult> results = [.. request.Recipients.Select(_ => TransportResult.Deferred(QueueReplies.RemoteDeliveryUnavailable))];
        return Task.FromResult(results);
    }
}
