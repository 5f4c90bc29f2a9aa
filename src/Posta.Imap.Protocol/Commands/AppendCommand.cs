namespace Posta.Imap.Protocol.Commands;

/// <summary>APPEND mailbox message... (RFC 9051 §6.3.12, RFC 3502). Only the first message is parsed at first.</summary>
/// <param name="Tag">The client's tag.</param>
/// <param name="Mailbox">The decoded target name.</param>
/// <param name="First">The first message, whose literal octets follow in the input.</param>
public sealed record AppendCommand(string Tag, string Mailbox, AppendMessage First) : ImapCommand(Tag)
{
    /// <inheritdoc />
    public override ImapCommandKind Kind => ImapCommandKind.Append;
}
