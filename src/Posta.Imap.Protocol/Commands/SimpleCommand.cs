namespace Posta.Imap.Protocol.Commands;

/// <summary>
/// A command without arguments: CAPABILITY, NOOP, LOGOUT, STARTTLS, NAMESPACE, IDLE, CHECK, CLOSE,
/// UNSELECT and EXPUNGE (plain, not UID EXPUNGE, which is <see cref="ExpungeCommand"/>).
/// </summary>
/// <param name="Tag">The client's tag.</param>
/// <param name="Verb">Which command.</param>
public sealed record SimpleCommand(string Tag, ImapCommandKind Verb) : ImapCommand(Tag)
{
    /// <inheritdoc />
    public override ImapCommandKind Kind => Verb;
}
