namespace Posta.Imap.Protocol.Commands;

/// <summary>
/// A command whose only argument is a mailbox name: DELETE, SUBSCRIBE, UNSUBSCRIBE, GETQUOTAROOT.
/// </summary>
/// <param name="Tag">The client's tag.</param>
/// <param name="Verb">Which command.</param>
/// <param name="Mailbox">The decoded name.</param>
public sealed record MailboxCommand(string Tag, ImapCommandKind Verb, string Mailbox) : ImapCommand(Tag)
{
    /// <inheritdoc />
    public override ImapCommandKind Kind => Verb;
}
