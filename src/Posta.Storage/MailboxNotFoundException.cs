namespace Posta.Storage;

/// <summary>The mailbox does not exist (IMAP NO [NONEXISTENT], RFC 5530).</summary>
public sealed class MailboxNotFoundException(string message) : StorageException(message);
