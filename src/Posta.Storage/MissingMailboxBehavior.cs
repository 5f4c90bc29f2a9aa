namespace Posta.Storage;

/// <summary>What delivery does when the target mailbox does not exist.</summary>
public enum MissingMailboxBehavior
{
    /// <summary>Deliver to INBOX instead, as Dovecot's LDA does for a Sieve fileinto.</summary>
    UseInbox,

    /// <summary>Create the mailbox (Sieve <c>fileinto :create</c>, RFC 5490).</summary>
    Create,

    /// <summary>Report <see cref="DeliveryStatus.MailboxNotFound"/>.</summary>
    Fail,
}
