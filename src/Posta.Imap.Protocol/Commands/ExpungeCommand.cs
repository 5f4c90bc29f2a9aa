namespace Posta.Imap.Protocol.Commands;

/// <summary>UID EXPUNGE sequence-set (RFC 4315 §2.1). Plain EXPUNGE is a <see cref="SimpleCommand"/>.</summary>
/// <param name="Tag">The client's tag.</param>
/// <param name="Uids">The UIDs to expunge if flagged \Deleted.</param>
public sealed record ExpungeCommand(string Tag, SequenceSet Uids) : ImapCommand(Tag)
{
    /// <inheritdoc />
    public override ImapCommandKind Kind => ImapCommandKind.Expunge;
}
