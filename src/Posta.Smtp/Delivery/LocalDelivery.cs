using System.Data.Common;
using Microsoft.Extensions.Logging;
using Posta.Smtp.Protocol.Replies;
using Posta.Storage;

namespace Posta.Smtp.Delivery;

/// <summary>
/// Stores a received message in the mailboxes of its local recipients: one copy of the bytes
/// (one <see cref="IMailStore.DeliverAsync"/> call), one reply per accepted RCPT in RCPT order
/// (RFC 2033 §4.2), each positive reply only once the store says the message is durable.
/// </summary>
public sealed class LocalDelivery(IMailStore mail, ILogger<LocalDelivery> logger)
{
    /// <summary>Delivers <paramref name="message"/>; returns the reply for each recipient, in order.</summary>
    /// <param name="message">The content, trace fields included.</param>
    /// <param name="sender">The reverse-path, for the log ("" for the null path).</param>
    /// <param name="recipients">The accepted recipients in RCPT order.</param>
    /// <param name="id">The transaction id, for replies and the log.</param>
    /// <param name="receivedAt">The internal date of the stored message.</param>
    /// <param name="cancellationToken">Cancels the delivery (not used on shutdown: a started delivery finishes).</param>
    public async Task<IReadOnlyList<SmtpReply>> DeliverAsync(
        SpooledMessage message,
        string sender,
        IReadOnlyList<AcceptedRecipient> recipients,
        string id,
        DateTimeOffset receivedAt,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(recipients);

        // A user reached by several RCPTs (an address and its alias) gets one copy.
        var targets = new List<DeliveryTarget>();
        var index = new Dictionary<long, int>();
        foreach (var user in recipients.SelectMany(r => r.Users))
        {
            if (index.TryAdd(user.User.Id, targets.Count))
            {
                // Sub-address detail goes to INBOX until Sieve can act on it.
                targets.Add(new DeliveryTarget(user.User.Id));
            }
        }

        IReadOnlyList<DeliveryResult> results;
        try
        {
            var content = await message.OpenForReadingAsync(cancellationToken);
            results = await mail.DeliverAsync(content, targets, receivedAt, cancellationToken);
        }
        catch (Exception e) when (e is IOException or StorageException or DbException or UnauthorizedAccessException)
        {
            Log.DeliveryFailed(logger, id, e);
            return [.. recipients.Select(_ => SmtpReplies.LocalError)];
        }

        var replies = new List<SmtpReply>(recipients.Count);
        foreach (var recipient in recipients)
        {
            var statuses = new List<DeliveryStatus>(recipient.Users.Count);
            foreach (var user in recipient.Users)
            {
                var result = results[index[user.User.Id]];
                statuses.Add(result.Status);
                if (result.Status == DeliveryStatus.Delivered)
                {
                    Log.Delivered(logger, id, sender, recipient.Address, user.User.Address, result.Mailbox, result.Uid, message.Length);
                }
                else
                {
                    Log.NotDelivered(logger, id, recipient.Address, user.User.Address, result.Status.ToString());
                }
            }

            replies.Add(ReplyFor(statuses, recipient.Address, id));
        }

        return replies;
    }

    /// <summary>
    /// One reply for a recipient that may reach several users: 250 when any copy was stored (the
    /// others were refused by the store for that user alone, e.g. over quota, and are logged),
    /// otherwise the refusal of the first.
    /// </summary>
    private static SmtpReply ReplyFor(List<DeliveryStatus> statuses, string address, string id)
    {
        if (statuses.Contains(DeliveryStatus.Delivered))
        {
            return DeliveryReplies.Delivered.WithText($"<{address}> Ok: delivered as {id}");
        }

        return statuses[0] switch
        {
            DeliveryStatus.QuotaExceeded => DeliveryReplies.MailboxFull.WithText($"<{address}> Mailbox full: quota exceeded"),
            DeliveryStatus.UserNotFound => SmtpReplies.MailboxUnavailable.WithText($"<{address}> Recipient address rejected: User unknown"),
            _ => SmtpReplies.LocalError,
        };
    }
}
