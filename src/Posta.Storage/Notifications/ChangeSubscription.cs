using System.Threading.Channels;

namespace Posta.Storage.Notifications;

/// <summary>
/// One subscriber's queue. Unbounded up to <see cref="Capacity"/>; beyond that events are dropped and
/// a single <see cref="MailboxChangeKind.Overflow"/> tells the subscriber to re-read everything, so a
/// stalled IDLE session cannot make the server hold an ever-growing queue.
/// </summary>
internal sealed class ChangeSubscription(InProcessChangeNotifier notifier, long userId) : IChangeSubscription
{
    public const int Capacity = 1024;

    private readonly Channel<MailboxChange> _channel = Channel.CreateUnbounded<MailboxChange>(
        new UnboundedChannelOptions { SingleReader = false, SingleWriter = true });

    private bool _overflowed;

    public long UserId { get; } = userId;

    public ChannelReader<MailboxChange> Changes => _channel.Reader;

    /// <summary>Called by the notifier under its lock.</summary>
    public void Post(MailboxChange change)
    {
        if (_channel.Reader.Count >= Capacity)
        {
            if (!_overflowed)
            {
                _overflowed = true;
                _channel.Writer.TryWrite(new MailboxChange(UserId, 0, MailboxChangeKind.Overflow, 0));
            }

            return;
        }

        _overflowed = false;
        _channel.Writer.TryWrite(change);
    }

    public void Complete() => _channel.Writer.TryComplete();

    public void Dispose()
    {
        notifier.Unsubscribe(this);
        Complete();
    }
}
