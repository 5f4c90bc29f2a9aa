namespace Posta.Imap.Protocol.Commands;

/// <summary>SEARCH / UID SEARCH [RETURN (...)] [CHARSET name] keys (RFC 9051 §6.4.4, RFC 4731, RFC 5182).</summary>
/// <param name="Tag">The client's tag.</param>
/// <param name="Uid">UID SEARCH.</param>
/// <param name="Return">The RETURN options, or null without RETURN (classic untagged SEARCH answer under IMAP4rev1).</param>
/// <param name="Charset">The CHARSET name as sent, or null. Strings in <paramref name="Criteria"/> are already decoded with it.</param>
/// <param name="Criteria">The keys; several top-level keys are an <see cref="AndKey"/>.</param>
public sealed record SearchCommand(string Tag, bool Uid, SearchReturn? Return, string? Charset, SearchKey Criteria) : ImapCommand(Tag)
{
    /// <inheritdoc />
    public override ImapCommandKind Kind => ImapCommandKind.Search;
}
