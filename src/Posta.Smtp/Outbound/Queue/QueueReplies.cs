using Posta.Smtp.Delivery;
using Posta.Smtp.Protocol.Replies;

namespace Posta.Smtp.Outbound.Queue;

/// <summary>The replies the queue's own transports give; they become the Status of delivery reports.</summary>
internal static class QueueReplies
{
    /// <summary>250 2.0.0: stored in the recipient's mailbox.</summary>
    public static SmtpReply Delivered => DeliveryReplies.Delivered;

    /// <summary>
    /// 452 4.2.2 (RFC 3463 X.2.2 "mailbox full"), temporary: the user may free space before the
    /// message is given up, as with Dovecot's <c>quota_full_tempfail</c>.
    /// </summary>
    public static SmtpReply MailboxFull { get; } = new(452, new EnhancedStatusCode(4, 2, 2), "Mailbox full: quota exceeded");

    /// <summary>550 5.1.1: no such user here.</summary>
    public static SmtpReply UserUnknown => SmtpReplies.MailboxUnavailable;

    /// <summary>550 5.2.1: the account is disabled.</summary>
    public static SmtpReply MailboxDisabled => DeliveryReplies.MailboxDisabled;

    /// <summary>550 5.4.6: aliases point at each other.</summary>
    public static SmtpReply AliasLoop => DeliveryReplies.AliasLoop;

    /// <summary>451 4.3.0: the store could not take the message now.</summary>
    public static SmtpReply LocalError => SmtpReplies.LocalError;

    /// <summary>451 4.3.0: the domain stopped being hosted here since the recipient was routed; routed again next time.</summary>
    public static SmtpReply DomainNoLongerHosted { get; } = new(451, new EnhancedStatusCode(4, 3, 0), "Recipient domain is no longer hosted here; will route again");

    /// <summary>451 4.3.0: the attempt was cut short because the server is stopping.</summary>
    public static SmtpReply Interrupted { get; } = new(451, new EnhancedStatusCode(4, 3, 0), "Delivery interrupted: the server is stopping");

    /// <summary>
    /// 451 4.4.0 (RFC 3463 X.4.0, network/routing): nothing can send mail to other servers yet,
    /// so remote recipients wait in the queue rather than bounce.
    /// </summary>
    public static SmtpReply RemoteDeliveryUnavailable { get; } = new(451, new EnhancedStatusCode(4, 4, 0), "remote delivery is not configured yet");
}
