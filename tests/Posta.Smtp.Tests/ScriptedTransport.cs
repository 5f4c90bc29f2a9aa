using Posta.Smtp.Outbound.Queue;

namespace Posta.Smtp.Tests;

/// <summary>A transport whose answer the test chooses, recording every request it gets.</summary>
internal sealed class ScriptedTransport(Func<TransportRequest, IReadOnlyList<TransportResult>> answer) : IDeliveryTransport
{
    private readonly Lock _lock = new();
    private readonly List<TransportRequest> _requests = [];

    public IReadOnlyList<TransportRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    public Task<IReadOnlyList<TransportResult>> DeliverAsync(TransportRequest request, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _requests.Add(request);
        }

        return Task.FromResult(answer(request));
    }
}
