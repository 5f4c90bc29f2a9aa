namespace Posta.Imap.Protocol.Commands;

/// <summary>CREATE mailbox [(USE (\Sent ...))] (RFC 9051 §6.3.4, RFC 6154 §3).</summary>
/// <param name="Tag">The client's tag.</param>
/// <param name="Mailbox">The decoded name; a trailing hierarchy separator is removed.</param>
/// <param name="SpecialUses">Special-use attributes asked for, as sent ("\Sent"); empty when none.</param>
public sealed record CreateCommand(string Tag, string Mailbox, IReadOnlyList<string> SpecialUses) : ImapCommand(Tag)
{
    /// <inheritdoc />
    public override ImapCommandKind Kind => ImapCommandKind.Create;
}
