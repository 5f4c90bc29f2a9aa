using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Posta.Directory;
using Posta.Smtp.Outbound.Dsn;
using Posta.Storage;

namespace Posta.Smtp.Outbound.Queue;

/// <summary>
/// Delivers queued recipients of hosted domains into the local store. Each address is resolved
/// again, since the directory may have changed while the message waited: normally it names a user,
/// but an alias still fans out, to local users (one <see cref="IMailStore.DeliverAsync"/> call for
/// all of them, one copy of the bytes) and to external addresses (queued again as a forward).
/// </summary>
/// <remarks>
/// The final delivery adds <c>Return-Path</c> (RFC 5321 §4.4) unless the content has one, and
/// <c>Delivered-To</c> with the user's address when the message goes to exactly one user. With
/// several users there is no <c>Delivered-To</c>: all of them share one stored copy of the bytes
/// (DESIGN.md §1), so no field can name each one.
/// </remarks>
internal sealed class LocalTransport(
    RecipientResolver resolver,
    IMailStore mail,
    MessageQueue queue,
    TimeProvider timeProvider,
    ILogger<LocalTransport> logger) : IDeliveryTransport
{
    // RFC 5322 §2.1.1: a line is at most 998 characters; an existing Return-Path field is looked for
    // in the first line only.
    private const int HeadLength = 1000;

    private static readonly byte[] ReturnPathName = "Return-Path:"u8.ToArray();

    public async Task<IReadOnlyList<TransportResult>> DeliverAsync(TransportRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var recipients = request.Recipients;
        var results = new TransportResult?[recipients.Count];
        var resolutions = new RecipientResolution[recipients.Count];
        var targets = new List<DeliveryTarget>();
        var targetUsers = new List<LocalRecipient>();
        var index = new Dictionary<long, int>();
        for (var i = 0; i < recipients.Count; i++)
        {
            var resolution = resolutions[i] = await resolver.ResolveAsync(recipients[i].Address, cancellationToken);
            results[i] = Refusal(resolution);
            if (results[i] is not null)
            {
                continue;
            }

            // A user reached by several recipients (an address and its alias) gets one copy.
            foreach (var user in resolution.LocalRecipients.Where(u => !u.User.Disabled))
            {
                if (index.TryAdd(user.User.Id, targets.Count))
                {
                    targets.Add(new DeliveryTarget(user.User.Id));
                    targetUsers.Add(user);
                }
            }
        }

        var stored = targets.Count == 0 ? [] : await StoreAsync(request, targets, targetUsers, cancellationToken);
        for (var i = 0; i < recipients.Count; i++)
        {
            if (results[i] is null)
            {
                results[i] = await ResultForAsync(request, recipients[i], resolutions[i], stored, index, targetUsers, cancellationToken);
            }
        }

        return results!;
    }

    /// <summary>The result of a recipient the directory refuses already, or null when it reaches someone.</summary>
    private static TransportResult? Refusal(RecipientResolution resolution) => resolution.Status switch
    {
        RecipientStatus.NotLocal => TransportResult.Deferred(QueueReplies.DomainNoLongerHosted),
        RecipientStatus.Unknown => TransportResult.Failed(QueueReplies.UserUnknown),
        RecipientStatus.AliasLoop => TransportResult.Failed(QueueReplies.AliasLoop),
        _ when resolution.ExternalTargets.Count == 0 && resolution.LocalRecipients.All(u => u.User.Disabled) =>
            TransportResult.Failed(QueueReplies.MailboxDisabled),
        _ => null,
    };

    /// <summary>Stores one copy for all users; null results when the store failed, so they are tried again.</summary>
    private async Task<IReadOnlyList<DeliveryResult>?> StoreAsync(
        TransportRequest request,
        List<DeliveryTarget> targets,
        List<LocalRecipient> users,
        CancellationToken cancellationToken)
    {
        try
        {
            await using var content = await OpenWithTraceFieldsAsync(request, targets.Count == 1 ? users[0].User.Address : null, cancellationToken);
            var results = await mail.DeliverAsync(content, targets, request.Envelope.Received, cancellationToken);
            for (var i = 0; i < results.Count; i++)
            {
                if (results[i].Status == DeliveryStatus.Delivered)
                {
                    Log.StoredForUser(logger, request.QueueId, users[i].User.Address, results[i].Mailbox, results[i].Uid);
                }
                else
                {
                    Log.NotStoredForUser(logger, request.QueueId, users[i].User.Address, results[i].Status.ToString());
                }
            }

            return results;
        }
        catch (Exception e) when (e is IOException or StorageException or DbException or UnauthorizedAccessException)
        {
            Log.StoreFailed(logger, request.QueueId, e);
            return null;
        }
    }

    private async Task<TransportResult> ResultForAsync(
        TransportRequest request,
        QueuedRecipient recipient,
        RecipientResolution resolution,
        IReadOnlyList<DeliveryResult>? stored,
        Dictionary<long, int> index,
        List<LocalRecipient> targetUsers,
        CancellationToken cancellationToken)
    {
        var users = resolution.LocalRecipients.Where(u => !u.User.Disabled).ToList();
        if (users.Count > 0)
        {
            if (stored is null)
            {
                return TransportResult.Deferred(QueueReplies.LocalError);
            }

            // Delivered when any user got it; the store refused the others each on its own (over
            // quota, say), and that is logged above: one address cannot be both delivered and deferred.
            var statuses = users.Select(u => stored[index[u.User.Id]].Status).ToList();
            if (!statuses.Contains(DeliveryStatus.Delivered) && resolution.ExternalTargets.Count == 0)
            {
                return statuses[0] switch
                {
                    DeliveryStatus.QuotaExceeded => TransportResult.Deferred(QueueReplies.MailboxFull),
                    DeliveryStatus.UserNotFound => TransportResult.Failed(QueueReplies.UserUnknown),
                    _ => TransportResult.Deferred(QueueReplies.LocalError),
                };
            }
        }

        if (resolution.ExternalTargets.Count > 0)
        {
            await ForwardAsync(request, recipient, resolution.ExternalTargets, cancellationToken);
        }

        var reached = users.Count + resolution.ExternalTargets.Count;
        return TransportResult.Delivered(QueueReplies.Delivered) with
        {
            // RFC 3461 §6.2.7: an alias to one address passes NOTIFY on with the message, so the
            // next hop reports; fanning out to several is reported here as "expanded".
            SuccessAction = reached > 1 ? ReportAction.Expanded : users.Count == 1 ? ReportAction.Delivered : null,
        };
    }

    /// <summary>
    /// Queues the message again for the external addresses an alias forwards to, keeping the
    /// sender (RFC 5321 §3.9.1) and the recipient's ORCPT and NOTIFY so reports still make sense to
    /// the sender.
    /// </summary>
    private async Task ForwardAsync(TransportRequest request, QueuedRecipient recipient, IReadOnlyList<string> targets, CancellationToken cancellationToken)
    {
        var original = recipient.OriginalRecipient ?? "rfc822;" + recipient.Address;
        var envelope = request.Envelope with
        {
            QueueId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
            Recipients = [.. targets.Select(t => new QueuedRecipient(t, original, recipient.Notify))],
            Received = timeProvider.GetUtcNow(),
        };
        await using var content = await request.OpenContentAsync(cancellationToken);
        await queue.EnqueueAsync(content, envelope, cancellationToken);
        Log.Forwarded(logger, request.QueueId, recipient.Address, targets.Count, envelope.QueueId);
    }

    /// <summary>The content with <c>Return-Path</c> (unless it has one) and <c>Delivered-To</c> (when given) on top.</summary>
    private static async Task<Stream> OpenWithTraceFieldsAsync(TransportRequest request, string? deliveredTo, CancellationToken cancellationToken)
    {
        var content = await request.OpenContentAsync(cancellationToken);
        try
        {
            var head = new byte[HeadLength];
            var length = 0;
            int read;
            while (length < head.Length && (read = await content.ReadAsync(head.AsMemory(length), cancellationToken)) > 0)
            {
                length += read;
            }

            var prefix = new List<ReadOnlyMemory<byte>>(4);
            var rest = head.AsMemory(0, length);
            if (StartsWithField(rest.Span, ReturnPathName))
            {
                // Keep it first; Delivered-To goes under it when its line is whole and not folded.
                var end = rest.Span.IndexOf("\r\n"u8);
                if (end >= 0 && end + 2 < rest.Length && rest.Span[end + 2] is not ((byte)' ' or (byte)'\t'))
                {
                    prefix.Add(rest[..(end + 2)]);
                    rest = rest[(end + 2)..];
                }
            }
            else
            {
                prefix.Add(Field("Return-Path", "<" + request.Sender + ">"));
            }

            if (deliveredTo is not null)
            {
                prefix.Add(Field("Delivered-To", deliveredTo));
            }

            prefix.Add(rest);
            return new PrefixedStream(prefix, content);
        }
        catch
        {
            await content.DisposeAsync();
            throw;
        }
    }

    private static bool StartsWithField(ReadOnlySpan<byte> content, ReadOnlySpan<byte> name) =>
        content.Length >= name.Length && Ascii.EqualsIgnoreCase(content[..name.Length], name);

    /// <summary>A header field line; CR and LF in the value (never in a valid address) cannot end it early.</summary>
    private static byte[] Field(string name, string value) =>
        Encoding.UTF8.GetBytes($"{name}: {value.Replace('\r', '?').Replace('\n', '?')}\r\n");
}
