namespace Posta.Storage;

/// <summary>A mailbox with that name exists already (IMAP NO [ALREADYEXISTS], RFC 5530).</summary>
public sealed class MailboxExistsException(string message) : StorageException(message);
