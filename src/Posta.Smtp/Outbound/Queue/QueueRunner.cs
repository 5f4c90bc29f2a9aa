using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Posta.Directory.Addresses;
using Posta.Smtp.Outbound.Dsn;
using Posta.Smtp.Protocol.Commands;
using Posta.Storage.Directory;
using Posta.Storage.Queue;

namespace Posta.Smtp.Outbound.Queue;

/// <summary>
/// Delivers what is in the queue. It sleeps until mail is queued or the earliest deferred recipient
/// is due, leases the due recipients, hands each message's recipients to the transport of their
/// domain (a few messages at a time), and records the outcomes: delivered, failed, or deferred on
/// Postfix's schedule (<see cref="QueueOptions"/>) until the queue lifetime runs out. Senders who
/// asked for it (RFC 3461) get a delivery report, itself queued.
/// </summary>
internal sealed class QueueRunner(
    MessageQueue queue,
    IDirectoryStore directory,
    [FromKeyedServices(QueueTransports.Local)] IDeliveryTransport local,
    [FromKeyedServices(QueueTransports.Remote)] IDeliveryTransport remote,
    IDeliveryReportBuilder reports,
    QueueOptions options,
    TimeProvider timeProvider,
    ILogger<QueueRunner> logger) : BackgroundService
{
    // A store that failed (disk full, database locked by another process for long) gets a short
    // pause rather than a busy loop of errors.
    private static readonly TimeSpan FailurePause = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _slots = new(options.MaxParallelDeliveries, options.MaxParallelDeliveries);

    // Recipients being delivered by this runner. Should one's lease run out mid-attempt and the
    // recipient be leased again, the second lease is not acted on, so it is not delivered twice.
    private readonly ConcurrentDictionary<(long MessageId, int Seq), byte> _inFlight = new();

    private IQueueStore Store => queue.Store;

    public override void Dispose()
    {
        _slots.Dispose();
        base.Dispose();
    }

    /// <summary>
    /// Leases what is due now and delivers it all, whether or not the service runs; returns the
    /// number of recipients leased. A flush in the manner of Postfix's <c>postqueue -f</c>, and how
    /// the tests drive the runner step by step.
    /// </summary>
    internal async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        var leases = await Store.LeaseDueAsync(timeProvider.GetUtcNow(), options.LeaseDuration, options.LeaseBatchSize, cancellationToken);
        await Task.WhenAll(leases.Select(l => StartAsync(l, cancellationToken)));
        return leases.Sum(l => l.Recipients.Count);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var running = new List<Task>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    // Lease more only while there are free slots: leased work waiting for a slot
                    // holds its recipients from other runners.
                    if (running.Count < options.MaxParallelDeliveries)
                    {
                        var leases = await Store.LeaseDueAsync(timeProvider.GetUtcNow(), options.LeaseDuration, options.LeaseBatchSize, stoppingToken);
                        running.AddRange(leases.Select(l => StartAsync(l, stoppingToken)));
                        if (leases.Count > 0)
                        {
                            continue;
                        }
                    }

                    await WaitAsync(running, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception e)
                {
                    Log.RunnerFailed(logger, FailurePause, e);
                    await Task.Delay(FailurePause, timeProvider, stoppingToken);
                }
                finally
                {
                    running.RemoveAll(t => t.IsCompleted);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping during the pause after a failure.
        }

        // Deliveries in progress see the cancellation and record their recipients as interrupted.
        await Task.WhenAll(running);
    }

    /// <summary>Sleeps until mail is queued, a delivery finishes, or the earliest recipient is due.</summary>
    private async Task WaitAsync(List<Task> running, CancellationToken stoppingToken)
    {
        var delay = options.QueueRunDelay;
        if (running.Count < options.MaxParallelDeliveries && await Store.NextDueAsync(stoppingToken) is { } due)
        {
            var untilDue = due - timeProvider.GetUtcNow();
            delay = untilDue <= TimeSpan.Zero ? TimeSpan.Zero : untilDue < delay ? untilDue : delay;
        }

        using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var waits = new List<Task>(running) { queue.WaitForWakeUpAsync(wake.Token), Task.Delay(delay, timeProvider, wake.Token) };
        await Task.WhenAny(waits);
        await wake.CancelAsync();
        stoppingToken.ThrowIfCancellationRequested();
    }

    /// <summary>Delivers a lease's recipients that this runner is not delivering already; never throws.</summary>
    private async Task StartAsync(QueueLease lease, CancellationToken stoppingToken)
    {
        var mine = lease.Recipients.Where(r => _inFlight.TryAdd((lease.MessageId, r.Seq), 0)).ToList();
        if (mine.Count == 0)
        {
            return;
        }

        try
        {
            await _slots.WaitAsync(stoppingToken);
            try
            {
                await DeliverAsync(lease, mine, stoppingToken);
            }
            finally
            {
                _slots.Release();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped while waiting for a slot: the lease runs out and another run takes the recipients.
        }
        catch (Exception e)
        {
            Log.CompletionFailed(logger, lease.Envelope.QueueId, mine.Count, e);
        }
        finally
        {
            foreach (var recipient in mine)
            {
                _inFlight.TryRemove((lease.MessageId, recipient.Seq), out _);
            }
        }
    }

    private async Task DeliverAsync(QueueLease lease, List<LeasedRecipient> recipients, CancellationToken stoppingToken)
    {
        var envelope = QueueEnvelopes.ToEnvelope(lease.Envelope);
        if (lease.LeaseUntil <= timeProvider.GetUtcNow())
        {
            Log.LeaseExpired(logger, envelope.QueueId, recipients.Count);
            return;
        }

        var routes = new string[recipients.Count];
        var hosted = new Dictionary<string, bool>(StringComparer.Ordinal);
        for (var i = 0; i < recipients.Count; i++)
        {
            routes[i] = await IsHostedAsync(recipients[i].Address, hosted, stoppingToken) ? QueueTransports.Local : QueueTransports.Remote;
        }

        var results = new TransportResult[recipients.Count];
        foreach (var route in new[] { QueueTransports.Local, QueueTransports.Remote })
        {
            var indexes = Enumerable.Range(0, recipients.Count).Where(i => routes[i] == route).ToList();
            if (indexes.Count == 0)
            {
                continue;
            }

            var request = new TransportRequest(
                envelope with { Recipients = [.. indexes.Select(i => ToQueued(recipients[i]))] },
                cancellationToken => Store.OpenContentAsync(lease.MessageId, cancellationToken));
            var transportResults = await CallAsync(route == QueueTransports.Local ? local : remote, route, request, stoppingToken);
            for (var j = 0; j < indexes.Count; j++)
            {
                results[indexes[j]] = transportResults[j];
            }
        }

        var now = timeProvider.GetUtcNow();
        var outcomes = new List<RecipientOutcome>(recipients.Count);
        var notices = new List<(int Index, RecipientReport Report)>();
        for (var i = 0; i < recipients.Count; i++)
        {
            var (outcome, notice) = Decide(envelope, recipients[i], results[i], routes[i], now);
            outcomes.Add(outcome);
            if (notice is not null)
            {
                notices.Add((i, notice));
            }
        }

        if (notices.Count > 0 && !await TryReportAsync(lease.MessageId, envelope, [.. notices.Select(n => n.Report)], now))
        {
            // Without the report a failure would go unnoticed: keep those recipients, so the next
            // attempt reports them. A delivery stays recorded; delivering again would duplicate it.
            foreach (var (index, report) in notices.Where(n => n.Report.Action == ReportAction.Failed))
            {
                outcomes[index] = RecipientOutcome.Deferred(recipients[index].Seq, outcomes[index].LastReply, now + options.MinimalBackoffTime);
            }
        }

        // Recorded even while stopping: the attempt happened, and its outcome must not be lost.
        await Store.CompleteAsync(lease.MessageId, outcomes, CancellationToken.None);
    }

    /// <summary>Calls a transport; its failure, or the server stopping, defers the recipients.</summary>
    private async Task<IReadOnlyList<TransportResult>> CallAsync(IDeliveryTransport transport, string route, TransportRequest request, CancellationToken stoppingToken)
    {
        try
        {
            var results = await transport.DeliverAsync(request, stoppingToken);
            if (results is null || results.Count != request.Recipients.Count || results.Any(r => r is null))
            {
                throw new InvalidOperationException($"The {route} transport returned {results?.Count} result(s) for {request.Recipients.Count} recipient(s).");
            }

            return results;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return [.. request.Recipients.Select(_ => TransportResult.Deferred(QueueReplies.Interrupted))];
        }
        catch (Exception e)
        {
            Log.TransportFailed(logger, request.QueueId, route, request.Recipients.Count, e);
            return [.. request.Recipients.Select(_ => TransportResult.Deferred(QueueReplies.LocalError))];
        }
    }

    /// <summary>What to record for a recipient, and what to report to its sender (or null).</summary>
    private (RecipientOutcome Outcome, RecipientReport? Notice) Decide(
        QueuedEnvelope envelope,
        LeasedRecipient recipient,
        TransportResult result,
        string route,
        DateTimeOffset now)
    {
        var reply = result.Reply.ToString();
        switch (result.Outcome)
        {
            case TransportOutcome.Delivered:
                Log.Delivered(logger, envelope.QueueId, recipient.Address, route, reply);
                var wantsSuccess = ((DsnNotify)recipient.Notify).HasFlag(DsnNotify.Success) && result.SuccessAction is not null;
                return (
                    RecipientOutcome.Delivered(recipient.Seq, reply),
                    wantsSuccess ? Notice(envelope, recipient, result.SuccessAction!.Value, result, now) : null);

            case TransportOutcome.Failed:
                Log.Failed(logger, envelope.QueueId, recipient.Address, route, reply);
                return (RecipientOutcome.Failed(recipient.Seq, reply), FailureNotice(envelope, recipient, result, now));

            default:
                var age = now - envelope.Received;
                if (age >= (envelope.IsReport ? options.BounceQueueLifetime : options.MaximalQueueLifetime))
                {
                    // Postfix reports an expired recipient as failed with the last temporary status,
                    // which tells the sender why delivery never happened.
                    Log.Expired(logger, envelope.QueueId, recipient.Address, age, reply);
                    return (RecipientOutcome.Failed(recipient.Seq, reply), FailureNotice(envelope, recipient, result, now));
                }

                var attempts = recipient.Attempts + 1;
                var next = now + options.BackoffAfter(attempts);
                Log.Deferred(logger, envelope.QueueId, recipient.Address, route, attempts, next, reply);
                return (RecipientOutcome.Deferred(recipient.Seq, reply, next), null);
        }
    }

    /// <summary>
    /// The report of a failure when one is due: only when NOTIFY asks for failures or is absent
    /// (RFC 3461 §4.1), and never on a report or to the null reverse-path (see <see cref="Notice"/>).
    /// </summary>
    private RecipientReport? FailureNotice(QueuedEnvelope envelope, LeasedRecipient recipient, TransportResult result, DateTimeOffset now)
    {
        var notify = (DsnNotify)recipient.Notify;
        return notify == DsnNotify.Unspecified || notify.HasFlag(DsnNotify.Failure)
            ? Notice(envelope, recipient, ReportAction.Failed, result, now)
            : null;
    }

    /// <summary>
    /// A recipient's part of a report, unless the message is a report or came from the null
    /// reverse-path: RFC 5321 §4.5.5 sends notifications from the null reverse-path and never
    /// answers one, so that two servers cannot bounce reports at each other forever.
    /// </summary>
    private RecipientReport? Notice(QueuedEnvelope envelope, LeasedRecipient recipient, ReportAction action, TransportResult result, DateTimeOffset now)
    {
        if (envelope.IsReport || envelope.Sender.Length == 0)
        {
            Log.ReportNotSent(logger, envelope.QueueId, recipient.Address, envelope.IsReport ? "the message is a report itself" : "the sender is the null reverse-path");
            return null;
        }

        return new RecipientReport(recipient.Address, recipient.OriginalRecipient, action, result.Reply, result.RemoteMta, now);
    }

    /// <summary>Builds the report and queues it to the sender; false when that failed.</summary>
    private async Task<bool> TryReportAsync(long messageId, QueuedEnvelope envelope, IReadOnlyList<RecipientReport> notices, DateTimeOffset now)
    {
        try
        {
            var report = new DeliveryReport(options.Hostname, envelope.EnvelopeId, envelope.Return, envelope.Sender, envelope.Received, notices);
            byte[] content;
            await using (var original = await Store.OpenContentAsync(messageId, CancellationToken.None))
            {
                content = reports.Build(report, original);
            }

            // The report goes to the sender alone, from the null reverse-path so that nothing
            // reports on it in turn (RFC 5321 §4.5.5).
            var reportId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
            var reportEnvelope = new QueuedEnvelope(reportId, string.Empty, [new QueuedRecipient(envelope.Sender, null, DsnNotify.Unspecified)])
            {
                IsReport = true,
                Received = now,
                Body = envelope.Body,
                SmtpUtf8 = envelope.SmtpUtf8 || !Ascii.IsValid(envelope.Sender),
                RequireTls = envelope.RequireTls,
            };
            using var stream = new MemoryStream(content, writable: false);
            await queue.EnqueueAsync(stream, reportEnvelope, CancellationToken.None);
            Log.ReportQueued(logger, envelope.QueueId, reportId, envelope.Sender, notices.Count);
            return true;
        }
        catch (Exception e)
        {
            Log.ReportFailed(logger, envelope.QueueId, envelope.Sender, e);
            return false;
        }
    }

    /// <summary>Whether the address's domain is hosted here; an address without a valid domain is not.</summary>
    private async Task<bool> IsHostedAsync(string address, Dictionary<string, bool> known, CancellationToken cancellationToken)
    {
        var (_, domainPart) = AddressNormalizer.Split(address);
        if (!AddressNormalizer.TryNormalizeDomain(domainPart, out var domain, out _))
        {
            return false;
        }

        if (!known.TryGetValue(domain, out var hosted))
        {
            known[domain] = hosted = await directory.GetDomainAsync(domain, cancellationToken) is not null;
        }

        return hosted;
    }

    private static QueuedRecipient ToQueued(LeasedRecipient recipient) =>
        new(recipient.Address, recipient.OriginalRecipient, (DsnNotify)recipient.Notify);
}
