namespace Posta.Imap.Protocol.Commands;

/// <summary>THREAD / UID THREAD algorithm charset keys (RFC 5256 §4).</summary>
/// <param name="Tag">The client's tag.</param>
/// <param name="Uid">UID THREAD.</param>
/// <param name="Algorithm">The algorithm.</param>
/// <param name="Charset">The charset name as sent; search strings are already decoded with it.</param>
/// <param name="Search">The search keys.</param>
public sealed record ThreadCommand(string Tag, bool Uid, ThreadAlgorithm Algorithm, string Charset, SearchKey Search) : ImapCommand(Tag)
{
    /// <inheritdoc />
    public override ImapCommandKind Kind => ImapCommandKind.Thread;
}
