namespace Posta.Imap.Protocol.Commands;

/// <summary>FETCH / UID FETCH set items [(CHANGEDSINCE n [VANISHED])] (RFC 9051 §6.4.5, RFC 7162 §3.1.4, §3.2.6).</summary>
/// <param name="Tag">The client's tag.</param>
/// <param name="Uid">UID FETCH.</param>
/// <param name="Set">Sequence numbers, or UIDs for UID FETCH.</param>
/// <param name="Items">The items, macros (ALL, FAST, FULL) expanded, in the order given, without duplicates.</param>
/// <param name="ChangedSince">The CHANGEDSINCE modifier, or null.</param>
/// <param name="Vanished">The VANISHED modifier (UID FETCH with CHANGEDSINCE only).</param>
public sealed record FetchCommand(string Tag, bool Uid, SequenceSet Set, IReadOnlyList<FetchItem> Items, ulong? ChangedSince, bool Vanished) : ImapCommand(Tag)
{
    /// <inheritdoc />
    public override ImapCommandKind Kind => ImapCommandKind.Fetch;
}
