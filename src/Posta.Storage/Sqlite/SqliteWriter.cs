using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Posta.Storage.Notifications;

namespace Posta.Storage.Sqlite;

/// <summary>
/// The database's single writer, and its group commit. Operations queue up while the previous batch
/// commits; the writer then runs everything queued (up to <see cref="StoreOptions.MaxBatchSize"/>) in
/// one transaction, each under a savepoint so one failure does not undo the others, and commits once:
/// with <c>synchronous=FULL</c> that is one fsync of the write-ahead log for the whole batch. Callers
/// learn their outcome only after that commit. Committed changes are then published, and blobs left
/// without references are released in a transaction of their own.
/// </summary>
internal sealed class SqliteWriter : IAsyncDisposable
{
    // Synchronous continuations: the only continuation is the writer thread's wait, and waking it
    // directly keeps commits from queueing behind a busy thread pool.
    private readonly Channel<WriteOperation> _queue = Channel.CreateUnbounded<WriteOperation>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = true });

    private readonly SqliteConnection _connection;
    private readonly WriteContext _context;
    private readonly IBlobStore _blobs;
    private readonly InProcessChangeNotifier _notifier;
    private readonly int _maxBatchSize;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _commits;
    private long _operations;

    public SqliteWriter(SqliteConnection connection, StoreOptions options, IBlobStore blobs, InProcessChangeNotifier notifier)
    {
        _connection = connection;
        _context = new WriteContext(connection, options);
        _blobs = blobs;
        _notifier = notifier;
        _maxBatchSize = options.MaxBatchSize;

        // A thread of its own: the writer blocks in SQLite and fsync, which would otherwise hold a
        // thread-pool thread for as long as writes keep coming.
        var thread = new Thread(Run) { IsBackground = true, Name = "Posta store writer" };
        thread.Start();
    }

    public long Commits => Interlocked.Read(ref _commits);

    public long Operations => Interlocked.Read(ref _operations);

    /// <summary>Queues work and completes after the transaction that ran it has committed.</summary>
    public Task<T> ExecuteAsync<T>(Func<WriteContext, T> body, CancellationToken cancellationToken = default)
    {
        var operation = new WriteOperation<T>(body, cancellationToken);
        if (!_queue.Writer.TryWrite(operation))
        {
            throw new ObjectDisposedException(nameof(SqliteWriter), "The store is closed.");
        }

        return operation.Task;
    }

    /// <summary>
    /// Releases blobs that no committed reference uses, checking again under the write lock. Does
    /// nothing once the store is closed: the next open collects what is left.
    /// </summary>
    public Task CollectAsync(IReadOnlyList<BlobHash> hashes)
    {
        var operation = new WriteOperation<bool>(
            context =>
            {
                foreach (var hash in hashes)
                {
                    context.MarkUnreferenced(hash);
                }

                return true;
            },
            CancellationToken.None);
        return _queue.Writer.TryWrite(operation) ? operation.Task : Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stopped.Task;
        _context.Dispose();
        await _connection.DisposeAsync();
    }

    private void Run()
    {
        var batch = new List<WriteOperation>(_maxBatchSize);
        try
        {
            var reader = _queue.Reader;
            while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                while (batch.Count < _maxBatchSize && reader.TryRead(out var operation))
                {
                    batch.Add(operation);
                }

                if (batch.Count > 0)
                {
                    try
                    {
                        RunBatch(batch);
                    }
                    catch (Exception e)
                    {
                        // Whatever went wrong, the writer must survive it, leave no transaction open,
                        // and every caller must hear back.
                        TryRollBack();
                        FailAll(batch, e);
                    }

                    batch.Clear();
                }
            }
        }
        finally
        {
            _stopped.TrySetResult();
        }
    }

    private void RunBatch(List<WriteOperation> batch)
    {
        _context.ClearEffects();
        try
        {
            _connection.Execute("BEGIN IMMEDIATE");
        }
        catch (SqliteException e)
        {
            FailAll(batch, e);
            return;
        }

        var started = new List<WriteOperation>(batch.Count);
        try
        {
            foreach (var operation in batch)
            {
                // Claimed only now, so an operation cancelled while earlier ones ran is skipped.
                if (operation.TryStart())
                {
                    started.Add(operation);
                    RunOne(operation);
                }
            }

            _connection.Execute("COMMIT");
        }
        catch (Exception e)
        {
            TryRollBack();
            FailAll(batch, e);
            return;
        }

        Interlocked.Increment(ref _commits);
        Interlocked.Add(ref _operations, started.Count);

        // Publish before completing so a session that appended and then IDLEs cannot see its own
        // change arrive late, after it already reported the new state.
        _notifier.Publish(_context.Changes);
        foreach (var operation in started)
        {
            operation.Complete();
        }

        if (_context.Unreferenced.Count > 0)
        {
            ReleaseUnreferenced([.. _context.Unreferenced.Distinct()]);
        }
    }

    private void RunOne(WriteOperation operation)
    {
        var mark = _context.Mark();
        _connection.Execute("SAVEPOINT operation");
        try
        {
            operation.Execute(_context);
            _connection.Execute("RELEASE operation");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // If undoing the savepoint itself fails the transaction is unusable: that aborts the batch.
            _connection.Execute("ROLLBACK TO operation");
            _connection.Execute("RELEASE operation");
            _context.RollBackTo(mark);
            operation.Fail(e is SqliteException ? new StorageException("The store could not complete the operation.", e) : e);
        }
    }

    /// <summary>
    /// Deletes blob files whose reference count is zero (or that never got a row) and their rows. The
    /// check and the deletion happen under the write lock, and a concurrent put of the same content
    /// restores the file inside its own write transaction, so no committed reference loses its bytes.
    /// </summary>
    private void ReleaseUnreferenced(IReadOnlyList<BlobHash> hashes)
    {
        _context.ClearEffects();
        try
        {
            _connection.Execute("BEGIN IMMEDIATE");
            try
            {
                foreach (var hash in hashes)
                {
                    var refcount = _context.Command("SELECT refcount FROM blobs WHERE hash = $hash")
                        .With("$hash", hash.Hex)
                        .ScalarInt64();
                    if (refcount is null or 0)
                    {
                        // Row first: if a reference exists after all, the foreign key stops this
                        // before the bytes are gone.
                        _context.Command("DELETE FROM blobs WHERE hash = $hash AND refcount = 0")
                            .With("$hash", hash.Hex)
                            .ExecuteNonQuery();
                        _blobs.Release(hash);
                    }
                }

                _connection.Execute("COMMIT");
                Interlocked.Increment(ref _commits);
            }
            catch
            {
                TryRollBack();
                throw;
            }
        }
        catch (Exception)
        {
            // Nothing is lost by giving up: the rows keep refcount 0 and the next open collects them.
        }
    }

    private void TryRollBack()
    {
        try
        {
            _connection.Execute("ROLLBACK");
        }
        catch (SqliteException)
        {
            // SQLite rolls back by itself after some errors; then there is no transaction to end.
        }
    }

    private static void FailAll(List<WriteOperation> batch, Exception cause)
    {
        // Operations cancelled meanwhile already reported that; failing them again changes nothing.
        foreach (var operation in batch)
        {
            operation.Fail(new StorageException("The store could not commit the write.", cause));
            operation.Complete();
        }
    }
}
