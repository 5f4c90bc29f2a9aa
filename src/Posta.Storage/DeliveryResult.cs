namespace Posta.Storage;

/// <summary>The outcome of one delivery target.</summary>
/// <param name="Target">The target as requested.</param>
/// <param name="Status">What happened.</param>
/// <param name="Mailbox">Name of the mailbox the message went to (INBOX after a fallback), or null.</param>
/// <param name="MailboxId">Id of that mailbox, or 0.</param>
/// <param name="UidValidity">Its UIDVALIDITY, or 0.</param>
/// <param name="Uid">The message's UID there, or 0.</param>
public sealed record DeliveryResult(
    DeliveryTarget Target,
    DeliveryStatus Status,
    string? Mailbox,
    long MailboxId,
    uint UidValidity,
    uint Uid);
