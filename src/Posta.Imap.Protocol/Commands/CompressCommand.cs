namespace Posta.Imap.Protocol.Commands;

/// <summary>COMPRESS mechanism (RFC 4978).</summary>
/// <param name="Tag">The client's tag.</param>
/// <param name="Mechanism">The mechanism, upper-cased (only DEFLATE exists).</param>
public sealed record CompressCommand(string Tag, string Mechanism) : ImapCommand(Tag)
{
    /// <inheritdoc />
    public override ImapCommandKind Kind => ImapCommandKind.Compress;
}
