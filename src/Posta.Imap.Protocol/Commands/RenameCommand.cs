namespace Posta.Imap.Protocol.Commands;

/// <summary>RENAME existing new (RFC 9051 §6.3.6).</summary>
/// <param name="Tag">The client's tag.</param>
/// <param name="From">The existing name, decoded.</param>
/// <param name="To">The new name, decoded.</param>
public sealed record RenameCommand(string Tag, string From, string To) : ImapCommand(Tag)
{
    /// <inheritdoc />
    public override ImapCommandKind Kind => ImapCommandKind.Rename;
}
