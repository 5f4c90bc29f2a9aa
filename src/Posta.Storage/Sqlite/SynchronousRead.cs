namespace Posta.Storage.Sqlite;

/// <summary>
/// Runs a SQLite read on the calling thread (Microsoft.Data.Sqlite's async methods are synchronous
/// anyway, and a read from the page cache takes microseconds) and hands back a completed task, so
/// errors and cancellation still arrive through the task as callers expect.
/// </summary>
internal static class SynchronousRead
{
    public static ValueTask<T> Run<T>(Func<T> read, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<T>(cancellationToken);
        }

        try
        {
            return ValueTask.FromResult(read());
        }
        catch (Exception e)
        {
            return ValueTask.FromException<T>(e);
        }
    }

    public static Task<T> RunAsTask<T>(Func<T> read, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        try
        {
            return Task.FromResult(read());
        }
        catch (Exception e)
        {
            return Task.FromException<T>(e);
        }
    }
}
