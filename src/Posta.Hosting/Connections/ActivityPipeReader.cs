using System.IO.Pipelines;

namespace Posta.Hosting.Connections;

/// <summary>Marks the connection active whenever a read returns data.</summary>
internal sealed class ActivityPipeReader(PipeReader inner, ConnectionInfo connection) : PipeReader
{
    public override ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
    {
        var pending = inner.ReadAsync(cancellationToken);
        if (pending.IsCompletedSuccessfully)
        {
            var result = pending.Result;
            Observe(result);
            return new ValueTask<ReadResult>(result);
        }

        return Awaited(pending);
    }

    public override bool TryRead(out ReadResult result)
    {
        if (!inner.TryRead(out result))
        {
            return false;
        }

        Observe(result);
        return true;
    }

    public override void AdvanceTo(SequencePosition consumed) => inner.AdvanceTo(consumed);

    public override void AdvanceTo(SequencePosition consumed, SequencePosition examined) => inner.AdvanceTo(consumed, examined);

    public override void CancelPendingRead() => inner.CancelPendingRead();

    public override void Complete(Exception? exception = null) => inner.Complete(exception);

    public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);

    private async ValueTask<ReadResult> Awaited(ValueTask<ReadResult> pending)
    {
        var result = await pending;
        Observe(result);
        return result;
    }

    private void Observe(in ReadResult result)
    {
        if (!result.IsCanceled)
        {
            connection.MarkActive();
        }
    }
}
