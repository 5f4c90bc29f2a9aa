using System.Data.Common;
using Microsoft.Extensions.Logging;
using Posta.Directory;
using Posta.Smtp.Delivery;
using Posta.Smtp.Outbound.Queue;
using Posta.Smtp.Protocol.Commands;
using Posta.Smtp.Protocol.Replies;
using Posta.Storage;

namespace Posta.Smtp.Session;

/// <summary>
/// Takes a message the SMTP session has received in full and makes it durable before the session
/// answers: local users get it in their INBOX at once (one stored copy for all of them); everything
/// else goes to the queue in one entry: recipients on other servers, alias forwards, users whose
/// delivery failed just now (the queue retries, then reports), and recipients that asked for a
/// success report (the queue's delivery writes it). The reply is 250 only when both are durable.
/// On an MX-role node that hands mail to a store node over LMTP
/// (<see cref="SmtpServerOptions.DeliverLocally"/> false) every recipient goes to the queue.
/// </summary>
internal sealed class MessageDispatcher(IMailStore mail, MessageQueue queue, SmtpServerOptions options, ILogger<MessageDispatcher> logger)
{
    public async Task<SmtpReply> DispatchAsync(SpooledMessage message, InboundEnvelope envelope, CancellationToken cancellationToken)
    {
        var direct = new List<(LocalRecipient User, SmtpRecipient Recipient)>();
        var queued = new List<QueuedRecipient>();
        var seenUsers = new HashSet<long>();
        var seenAddresses = new HashSet<string>(StringComparer.Ordinal);
        foreach (var recipient in envelope.Recipients)
        {
            var wantsSuccessReport = (recipient.Parameters.Notify & DsnNotify.Success) != 0;
            foreach (var user in recipient.LocalUsers)
            {
                if (!seenUsers.Add(user.User.Id))
                {
                    // A user reached by several recipients (an address and its alias) gets one copy.
                    continue;
                }

                if (wantsSuccessReport || !options.DeliverLocally)
                {
                    seenAddresses.Add(user.User.Address);
                    queued.Add(new QueuedRecipient(user.User.Address, OriginalRecipient(recipient, user.User.Address), recipient.Parameters.Notify));
                }
                else
                {
                    direct.Add((user, recipient));
                }
            }

            foreach (var target in recipient.ExternalTargets)
            {
                if (seenAddresses.Add(target))
                {
                    queued.Add(new QueuedRecipient(target, OriginalRecipient(recipient, target), recipient.Parameters.Notify));
                }
            }
        }

        var delivered = direct.Count == 0 ? 0 : await DeliverDirectAsync(message, envelope, direct, queued, cancellationToken);
        if (queued.Count > 0)
        {
            try
            {
                var content = await message.OpenForReadingAsync(cancellationToken);
                await queue.EnqueueAsync(content, QueueEnvelope(envelope, queued), cancellationToken);
            }
            catch (Exception e) when (e is IOException or StorageException or DbException or UnauthorizedAccessException)
            {
                // The client will send again: users who have their copy already get a second one,
                // which is better than a message lost for the others.
                Log.QueueFailed(logger, envelope.Id, delivered, e);
                return SmtpReplies.LocalError;
            }
        }

        Log.Accepted(logger, envelope.Id, envelope.Sender, envelope.Recipients.Count, delivered, queued.Count, message.Length);
        return SmtpReplies.Queued.WithText($"Ok: queued as {envelope.Id}");
    }

    /// <summary>Stores the message for <paramref name="direct"/>; users it could not be stored for join <paramref name="queued"/>.</summary>
    private async Task<int> DeliverDirectAsync(
        SpooledMessage message,
        InboundEnvelope envelope,
        List<(LocalRecipient User, SmtpRecipient Recipient)> direct,
        List<QueuedRecipient> queued,
        CancellationToken cancellationToken)
    {
        // Delivered-To names the one user the stored copy belongs to; several users share one copy.
        var final = TraceHeaders.FinalDelivery(envelope.Sender, direct.Count == 1 ? direct[0].User.User.Address : null);
        IReadOnlyList<DeliveryResult> results;
        try
        {
            var content = await message.OpenForReadingAsync(cancellationToken);
            // Not disposed: it would close the spool, which the queue may still read.
            var withTrace = new PrefixedStream([final], content);
            results = await mail.DeliverAsync(withTrace, [.. direct.Select(d => new DeliveryTarget(d.User.User.Id))], envelope.Received, cancellationToken);
        }
        catch (Exception e) when (e is IOException or StorageException or DbException or UnauthorizedAccessException)
        {
            Log.DirectDeliveryFailed(logger, envelope.Id, e);
            queued.AddRange(direct.Select(d => new QueuedRecipient(d.User.User.Address, OriginalRecipient(d.Recipient, d.User.User.Address), d.Recipient.Parameters.Notify)));
            return 0;
        }

        var delivered = 0;
        for (var i = 0; i < direct.Count; i++)
        {
            var (user, recipient) = direct[i];
            var result = results[i];
            if (result.Status == DeliveryStatus.Delivered)
            {
                delivered++;
                Log.Delivered(logger, envelope.Id, envelope.Sender, recipient.Address, user.User.Address, result.Mailbox, result.Uid);
            }
            else
            {
                // Over quota or removed since RCPT: the queue retries and, in the end, reports.
                Log.Deferred(logger, envelope.Id, user.User.Address, result.Status.ToString());
                queued.Add(new QueuedRecipient(user.User.Address, OriginalRecipient(recipient, user.User.Address), recipient.Parameters.Notify));
            }
        }

        return delivered;
    }

    /// <summary>
    /// The ORCPT to keep (RFC 3461 §4.2): the client's, or the RCPT address when the queued address
    /// differs from it (an alias expanded here).
    /// </summary>
    private static string? OriginalRecipient(SmtpRecipient recipient, string queuedAddress)
    {
        if (recipient.Parameters.OriginalRecipient is { } original)
        {
            return original.AddressType + ";" + original.Address;
        }

        return string.Equals(recipient.Address, queuedAddress, StringComparison.OrdinalIgnoreCase) ? null : "rfc822;" + recipient.Address;
    }

    private static QueuedEnvelope QueueEnvelope(InboundEnvelope envelope, List<QueuedRecipient> recipients) => new(envelope.Id, envelope.Sender, recipients)
    {
        EnvelopeId = envelope.Parameters.EnvelopeId,
        Return = envelope.Parameters.Return,
        Body = envelope.Parameters.Body,
        SmtpUtf8 = envelope.Parameters.SmtpUtf8,
        RequireTls = envelope.Parameters.RequireTls,
        AuthenticatedUser = envelope.Account,
        Client = envelope.Client,
        Received = envelope.Received,
    };
}
