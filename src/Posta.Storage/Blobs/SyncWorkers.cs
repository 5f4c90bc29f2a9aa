namespace Posta.Storage.Blobs;

/// <summary>
/// Dedicated threads for the blocking calls that make blobs durable (fsync, link). .NET has no
/// asynchronous fsync; run on the thread pool, a burst of concurrent puts would block its few threads
/// and the fsyncs would trickle through two at a time. Here they run side by side, and the file system
/// folds concurrent fsyncs into shared journal commits.
/// </summary>
/// <remarks>
/// Idle workers sleep in <see cref="Monitor.Wait(object)"/>, which blocks at once: a
/// <c>BlockingCollection</c> (SemaphoreSlim) spins first, and with many workers woken per item that
/// spinning took a quarter of the server's CPU under SMTP load (bench/results/smtp-compare.md).
/// </remarks>
internal sealed class SyncWorkers : IDisposable
{
    private readonly Queue<WorkItem> _queue = new();
    private readonly Thread[] _threads;
    private bool _completed;

    public SyncWorkers(int threadCount)
    {
        _threads = new Thread[threadCount];
        for (var i = 0; i < threadCount; i++)
        {
            _threads[i] = new Thread(Work) { IsBackground = true, Name = "Posta blob sync" };
            _threads[i].Start();
        }
    }

    /// <summary>Runs <paramref name="work"/> on a worker thread.</summary>
    public Task RunAsync(Action work)
    {
        var item = new WorkItem(work);
        lock (_queue)
        {
            ObjectDisposedException.ThrowIf(_completed, this);
            _queue.Enqueue(item);
            Monitor.Pulse(_queue);
        }

        return item.Completion.Task;
    }

    public void Dispose()
    {
        lock (_queue)
        {
            if (_completed)
            {
                return;
            }

            _completed = true;
            Monitor.PulseAll(_queue);
        }

        foreach (var thread in _threads)
        {
            thread.Join();
        }
    }

    private void Work()
    {
        while (true)
        {
            WorkItem item;
            lock (_queue)
            {
                while (_queue.Count == 0)
                {
                    if (_completed)
                    {
                        return;
                    }

                    Monitor.Wait(_queue);
                }

                item = _queue.Dequeue();
            }

            try
            {
                item.Work();
                item.Completion.TrySetResult();
            }
            catch (Exception e)
            {
                item.Completion.TrySetException(e);
            }
        }
    }

    private sealed record WorkItem(Action Work)
    {
        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
