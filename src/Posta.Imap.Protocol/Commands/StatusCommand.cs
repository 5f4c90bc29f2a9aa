namespace Posta.Imap.Protocol.Commands;

/// <summary>STATUS mailbox (items) (RFC 9051 §6.3.11).</summary>
/// <param name="Tag">The client's tag.</param>
/// <param name="Mailbox">The decoded name.</param>
/// <param name="Items">The items asked for, in order, at least one.</param>
public sealed record StatusCommand(string Tag, string Mailbox, IReadOnlyList<StatusItem> Items) : ImapCommand(Tag)
{
    /// <inheritdoc />
    public override ImapCommandKind Kind => ImapCommandKind.Status;
}
