namespace Posta.Storage;

/// <summary>What IMAP STATUS reports about a mailbox, read in one snapshot.</summary>
/// <param name="Mailbox">The mailbox with its counters.</param>
/// <param name="Messages">Number of messages.</param>
/// <param name="Unseen">Messages without \Seen.</param>
/// <param name="Deleted">Messages with \Deleted.</param>
/// <param name="Size">Total size in bytes (RFC 8438 STATUS SIZE).</param>
public sealed record MailboxStatus(MailboxInfo Mailbox, long Messages, long Unseen, long Deleted, long Size);
