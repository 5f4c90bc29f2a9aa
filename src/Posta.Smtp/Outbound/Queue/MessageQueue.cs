using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Posta.Storage.Queue;

namespace Posta.Smtp.Outbound.Queue;

/// <summary>
/// Where mail that cannot be delivered at once goes: remote recipients of submitted mail, external
/// alias forwards, local deliveries that failed after the message was accepted, delivery reports.
/// A message handed over is durable when <see cref="EnqueueAsync"/> completes, so a session may then
/// acknowledge it; the queue runner is woken to deliver it.
/// </summary>
public sealed class MessageQueue
{
    private readonly IQueueStore _store;
    private readonly ILogger<MessageQueue> _logger;

    // One pending wake-up is enough: the runner looks at everything due when it wakes.
    private readonly Channel<bool> _wakeUp = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    /// <summary>Creates the queue over <paramref name="store"/>.</summary>
    public MessageQueue(IQueueStore store, ILogger<MessageQueue> logger)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(logger);
        _store = store;
        _logger = logger;
    }

    internal IQueueStore Store => _store;

    /// <summary>
    /// Queues a message; durable when the task completes. The content is the message as it goes on:
    /// with this server's <c>Received</c> field, and without <c>Return-Path</c>, which the final
    /// delivery adds (RFC 5321 §4.4).
    /// </summary>
    /// <param name="content">The message, read from its current position to its end.</param>
    /// <param name="envelope">Its envelope.</param>
    /// <param name="cancellationToken">Cancels the enqueue while it has not started to commit.</param>
    /// <exception cref="DuplicateQueueIdException">A message with the same queue id is queued already.</exception>
    /// <exception cref="ArgumentException">The envelope has no recipient or an invalid value.</exception>
    public async Task EnqueueAsync(Stream content, QueuedEnvelope envelope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(envelope.Recipients);
        var entry = QueueEnvelopes.ToEntry(envelope);
        var id = await _store.EnqueueAsync(content, entry, cancellationToken);
        Log.Queued(_logger, envelope.QueueId, id, envelope.Sender, envelope.Recipients.Count, envelope.IsReport);
        WakeUp();
    }

    /// <summary>Asks the runner to look at the queue now.</summary>
    internal void WakeUp() => _wakeUp.Writer.TryWrite(true);

    /// <summary>Completes when <see cref="WakeUp"/> was called since the last wait, or when it is next called.</summary>
    internal async Task WaitForWakeUpAsync(CancellationToken cancellationToken)
    {
        await _wakeUp.Reader.WaitToReadAsync(cancellationToken);
        _wakeUp.Reader.TryRead(out _);
    }
}
