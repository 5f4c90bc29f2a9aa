using Posta.Storage;

namespace Posta.Imap.Messages;

/// <summary>OBJECTID values (RFC 8474): EMAILID from the message content, MAILBOXID from the mailbox's identity.</summary>
internal static class ObjectIds
{
    /// <summary>The message's EMAILID; the same for every copy of the message.</summary>
    public static string EmailId(MessageRecord message) => throw new NotImplementedException();

    /// <summary>The mailbox's MAILBOXID; kept across renames.</summary>
    public static string MailboxId(MailboxInfo mailbox) => throw new NotImplementedException();
}
