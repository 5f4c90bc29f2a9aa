namespace Posta.Storage.Notifications;

/// <summary>
/// Fans committed changes out to subscribers in this process. The store's single writer publishes after
/// each commit, so events reach a subscriber in commit order.
/// </summary>
internal sealed class InProcessChangeNotifier : IMailboxChangeNotifier, IDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<long, List<ChangeSubscription>> _subscriptions = [];
    private bool _disposed;

    public IChangeSubscription Subscribe(long userId)
    {
        var subscription = new ChangeSubscription(this, userId);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_subscriptions.TryGetValue(userId, out var list))
            {
                _subscriptions[userId] = list = [];
            }

            list.Add(subscription);
        }

        return subscription;
    }

    public void Publish(IReadOnlyList<MailboxChange> changes)
    {
        if (changes.Count == 0)
        {
            return;
        }

        lock (_lock)
        {
            foreach (var change in changes)
            {
                if (_subscriptions.TryGetValue(change.UserId, out var list))
                {
                    foreach (var subscription in list)
                    {
                        subscription.Post(change);
                    }
                }
            }
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            foreach (var subscription in _subscriptions.Values.SelectMany(l => l))
            {
                subscription.Complete();
            }

            _subscriptions.Clear();
        }
    }

    internal void Unsubscribe(ChangeSubscription subscription)
    {
        lock (_lock)
        {
            if (_subscriptions.TryGetValue(subscription.UserId, out var list) && list.Remove(subscription) && list.Count == 0)
            {
                _subscriptions.Remove(subscription.UserId);
            }
        }
    }
}
