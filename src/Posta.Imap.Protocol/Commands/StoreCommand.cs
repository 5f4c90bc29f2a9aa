namespace Posta.Imap.Protocol.Commands;

/// <summary>STORE / UID STORE set [(UNCHANGEDSINCE n)] [+|-]FLAGS[.SILENT] (flags) (RFC 9051 §6.4.6, RFC 7162 §3.1.3).</summary>
/// <param name="Tag">The client's tag.</param>
/// <param name="Uid">UID STORE.</param>
/// <param name="Set">Sequence numbers, or UIDs for UID STORE.</param>
/// <param name="UnchangedSince">The UNCHANGEDSINCE modifier, or null.</param>
/// <param name="Mode">Replace, add or remove.</param>
/// <param name="Silent">.SILENT: no untagged FETCH for the change itself.</param>
/// <param name="Flags">The flags as sent ("\Seen", "$Label"), with or without parentheses in the input.</param>
public sealed record StoreCommand(string Tag, bool Uid, SequenceSet Set, ulong? UnchangedSince, StoreMode Mode, bool Silent, IReadOnlyList<string> Flags) : ImapCommand(Tag)
{
    /// <inheritdoc />
    public override ImapCommandKind Kind => ImapCommandKind.Store;
}
