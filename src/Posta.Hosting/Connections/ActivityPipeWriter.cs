using System.IO.Pipelines;

namespace Posta.Hosting.Connections;

/// <summary>
/// Marks the connection active whenever a flush completes: a client that reads a long response
/// is not idle, one that stops reading blocks the flush and is.
/// </summary>
internal sealed class ActivityPipeWriter(PipeWriter inner, ConnectionInfo connection) : PipeWriter
{
    public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

    public override long UnflushedBytes => inner.UnflushedBytes;

    public override void Advance(int bytes) => inner.Advance(bytes);

    public override Memory<byte> GetMemory(int sizeHint = 0) => inner.GetMemory(sizeHint);

    public override Span<byte> GetSpan(int sizeHint = 0) => inner.GetSpan(sizeHint);

    public override void CancelPendingFlush() => inner.CancelPendingFlush();

    public override void Complete(Exception? exception = null) => inner.Complete(exception);

    public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);

    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) =>
        Observe(inner.FlushAsync(cancellationToken));

    public override ValueTask<FlushResult> WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default) =>
        Observe(inner.WriteAsync(source, cancellationToken));

    private ValueTask<FlushResult> Observe(ValueTask<FlushResult> pending)
    {
        if (pending.IsCompletedSuccessfully)
        {
            connection.MarkActive();
            return pending;
        }

        return Awaited(pending);
    }

    private async ValueTask<FlushResult> Awaited(ValueTask<FlushResult> pending)
    {
        var result = await pending;
        connection.MarkActive();
        return result;
    }
}
