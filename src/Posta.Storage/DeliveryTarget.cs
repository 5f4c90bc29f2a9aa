namespace Posta.Storage;

/// <summary>One copy to make in a delivery: a user's mailbox with the flags to set.</summary>
/// <param name="UserId">The recipient.</param>
/// <param name="Mailbox">Mailbox name; INBOX when not given.</param>
/// <param name="Flags">System flags to set (Sieve imap4flags).</param>
/// <param name="Keywords">Keywords to set, or null.</param>
/// <param name="IfMissing">What to do when the mailbox does not exist.</param>
public sealed record DeliveryTarget(
    long UserId,
    string Mailbox = "INBOX",
    MessageFlags Flags = MessageFlags.None,
    IReadOnlyList<string>? Keywords = null,
    MissingMailboxBehavior IfMissing = MissingMailboxBehavior.UseInbox);
