namespace Posta.Storage.Sqlite;

/// <summary>
/// A unit of work queued to the writer. It runs inside a batch transaction under its own savepoint, and
/// its caller hears the outcome only after the batch has committed, so success always means durable.
/// </summary>
internal abstract class WriteOperation
{
    private const int Pending = 0;
    private const int Running = 1;
    private const int Canceled = 2;

    private int _state;

    /// <summary>Claims the operation for execution; false when its caller gave up first.</summary>
    public bool TryStart() => Interlocked.CompareExchange(ref _state, Running, Pending) == Pending;

    /// <summary>Runs the work; throwing rolls back this operation only.</summary>
    public abstract void Execute(WriteContext context);

    /// <summary>Records the error to report instead of a result.</summary>
    public abstract void Fail(Exception error);

    /// <summary>Reports the outcome; called after the commit (or after the batch failed).</summary>
    public abstract void Complete();

    protected bool TryCancel() => Interlocked.CompareExchange(ref _state, Canceled, Pending) == Pending;
}
