using Posta.Smtp.Outbound.Queue;

namespace Posta.Smtp.Tests;

/// <summary>A transport that never answers: it signals that it was called and waits until cancelled.</summary>
internal sealed class HangingTransport(TaskCompletionSource called) : IDeliveryTransport
{
    public async Task<IReadOnlyList<TransportResult>> DeliverAsync(TransportRequest request, CancellationToken cancellationToken)
    {
        called.TrySetResult();
        await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        throw new InvalidOperationException("an infinite wait ended without cancellation");
    }
}
