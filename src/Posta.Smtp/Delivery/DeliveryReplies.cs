using Posta.Smtp.Protocol.Replies;

namespace Posta.Smtp.Delivery;

/// <summary>Replies of local delivery that <see cref="SmtpReplies"/> does not hold.</summary>
internal static class DeliveryReplies
{
    /// <summary>550 5.2.1 (RFC 3463 X.2.1 "mailbox disabled, not accepting messages").</summary>
    public static SmtpReply MailboxDisabled { get; } = new(550, new EnhancedStatusCode(5, 2, 1), "Recipient address rejected: Mailbox disabled");

    /// <summary>
    /// 552 5.2.2 (RFC 3463 X.2.2 "mailbox full"): Dovecot's LMTP answer for a user over quota,
    /// at RCPT when the quota is used up already, and per recipient after DATA.
    /// </summary>
    public static SmtpReply MailboxFull { get; } = new(552, new EnhancedStatusCode(5, 2, 2), "Mailbox full: quota exceeded");

    /// <summary>550 5.4.6 (RFC 3463 X.4.6 "routing loop detected"): aliases point at each other.</summary>
    public static SmtpReply AliasLoop { get; } = new(550, new EnhancedStatusCode(5, 4, 6), "Recipient address rejected: alias loop");

    /// <summary>
    /// 451 4.3.0: the address forwards to another server, and this server cannot send mail out
    /// yet. Temporary, so the sending MTA keeps the message rather than bouncing it.
    /// </summary>
    public static SmtpReply ForwardingUnavailable { get; } = new(451, new EnhancedStatusCode(4, 3, 0), "Recipient address forwards elsewhere: forwarding is not available yet");

    /// <summary>250 2.0.0 (RFC 2033 §4.2): the message is in the recipient's mailbox.</summary>
    public static SmtpReply Delivered { get; } = new(250, new EnhancedStatusCode(2, 0, 0), "Ok: delivered");
}
