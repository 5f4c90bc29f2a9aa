namespace Posta.Imap.Protocol.Commands;

/// <summary>SORT / UID SORT [RETURN (...)] (criteria) charset keys (RFC 5256 §3, RFC 5267 ESORT).</summary>
/// <param name="Tag">The client's tag.</param>
/// <param name="Uid">UID SORT.</param>
/// <param name="Return">ESORT RETURN options, or null.</param>
/// <param name="Criteria">Sort criteria, at least one.</param>
/// <param name="Charset">The charset name as sent; search strings are already decoded with it.</param>
/// <param name="Search">The search keys.</param>
public sealed record SortCommand(string Tag, bool Uid, SearchReturn? Return, IReadOnlyList<SortCriterion> Criteria, string Charset, SearchKey Search) : ImapCommand(Tag)
{
    /// <inheritdoc />
    public override ImapCommandKind Kind => ImapCommandKind.Sort;
}
