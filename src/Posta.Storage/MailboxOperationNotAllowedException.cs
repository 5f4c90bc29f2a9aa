namespace Posta.Storage;

/// <summary>The operation would break a rule of the store, such as deleting INBOX or renaming a mailbox under itself (IMAP NO [CANNOT]).</summary>
public sealed class MailboxOperationNotAllowedException(string message) : StorageException(message);
