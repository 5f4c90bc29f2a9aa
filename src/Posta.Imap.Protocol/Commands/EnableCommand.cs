namespace Posta.Imap.Protocol.Commands;

/// <summary>ENABLE capability... (RFC 5161).</summary>
/// <param name="Tag">The client's tag.</param>
/// <param name="Capabilities">The capability names as sent (compare case-insensitively).</param>
public sealed record EnableCommand(string Tag, IReadOnlyList<string> Capabilities) : ImapCommand(Tag)
{
    /// <inheritdoc />
    public override ImapCommandKind Kind => ImapCommandKind.Enable;
}
