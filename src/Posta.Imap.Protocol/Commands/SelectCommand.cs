namespace Posta.Imap.Protocol.Commands;

/// <summary>SELECT or EXAMINE mailbox [(CONDSTORE) / (QRESYNC (...))] (RFC 9051 §6.3.2-3, RFC 7162).</summary>
/// <param name="Tag">The client's tag.</param>
/// <param name="Mailbox">The mailbox name, decoded (modified UTF-7 or UTF-8); "INBOX" in any case is returned as "INBOX".</param>
/// <param name="ReadOnly">True for EXAMINE.</param>
/// <param name="CondStore">The CONDSTORE select parameter was given.</param>
/// <param name="QResync">The QRESYNC select parameter, or null.</param>
public sealed record SelectCommand(string Tag, string Mailbox, bool ReadOnly, bool CondStore, QResyncParameters? QResync) : ImapCommand(Tag)
{
    /// <inheritdoc />
    public override ImapCommandKind Kind => ReadOnly ? ImapCommandKind.Examine : ImapCommandKind.Select;
}
