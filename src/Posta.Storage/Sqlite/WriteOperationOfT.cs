namespace Posta.Storage.Sqlite;

/// <summary>A write operation producing a <typeparamref name="T"/>.</summary>
internal sealed class WriteOperation<T> : WriteOperation
{
    private readonly Func<WriteContext, T> _body;
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenRegistration _registration;
    private T? _result;
    private Exception? _error;

    public WriteOperation(Func<WriteContext, T> body, CancellationToken cancellationToken)
    {
        _body = body;
        if (cancellationToken.CanBeCanceled)
        {
            // Cancellation counts only while the operation waits in the queue: once it runs, the
            // caller must learn whether it committed.
            _registration = cancellationToken.Register(() =>
            {
                if (TryCancel())
                {
                    _completion.TrySetCanceled(cancellationToken);
                }
            });
        }
    }

    public Task<T> Task => _completion.Task;

    public override void Execute(WriteContext context)
    {
        _result = _body(context);
        _error = null;
    }

    public override void Fail(Exception error) => _error = error;

    public override void Complete()
    {
        _registration.Dispose();
        if (_error is null)
        {
            _completion.TrySetResult(_result!);
        }
        else
        {
            _completion.TrySetException(_error);
        }
    }
}
