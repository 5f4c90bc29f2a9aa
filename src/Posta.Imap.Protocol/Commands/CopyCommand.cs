namespace Posta.Imap.Protocol.Commands;

/// <summary>COPY / MOVE / UID COPY / UID MOVE set mailbox (RFC 9051 §6.4.7-8, RFC 6851).</summary>
/// <param name="Tag">The client's tag.</param>
/// <param name="Uid">The UID form.</param>
/// <param name="Set">Sequence numbers, or UIDs.</param>
/// <param name="Mailbox">The decoded target name.</param>
/// <param name="Move">MOVE rather than COPY.</param>
public sealed record CopyCommand(string Tag, bool Uid, SequenceSet Set, string Mailbox, bool Move) : ImapCommand(Tag)
{
    /// <inheritdoc />
    public override ImapCommandKind Kind => Move ? ImapCommandKind.Move : ImapCommandKind.Copy;
}
