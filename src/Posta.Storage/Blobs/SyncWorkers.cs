using System.Collections.Concurrent;

namespace Posta.Storage.Blobs;

/// <summary>
/// Dedicated threads for the blocking calls that make blobs durable (fsync, link). .NET has no
/// asynchronous fsync; run on the thread pool, a burst of concurrent puts would block its few threads
/// and the fsyncs would trickle through two at a time. Here they run side by side, and the file system
/// folds concurrent fsyncs into shared journal commits.
/// </summary>
internal sealed class SyncWorkers : IDisposable
{
    private readonly BlockingCollection<WorkItem> _queue = [];
    private readonly Thread[] _threads;

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
        _queue.Add(item);
        return item.Completion.Task;
    }

    public void Dispose()
    {
        _queue.CompleteAdding();
        foreach (var thread in _threads)
        {
            thread.Join();
        }

        _queue.Dispose();
    }

    private void Work()
    {
        foreach (var item in _queue.GetConsumingEnumerable())
        {
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
