namespace Posta.Imap.Protocol.Commands;

/// <summary>
/// A flag test: ANSWERED/UNANSWERED, DELETED/UNDELETED, DRAFT/UNDRAFT, FLAGGED/UNFLAGGED, SEEN/UNSEEN,
/// RECENT/OLD ("\Recent"), KEYWORD/UNKEYWORD (the keyword as sent).
/// </summary>
/// <param name="Flag">"\Answered", "\Deleted", "\Draft", "\Flagged", "\Seen", "\Recent" or a keyword.</param>
/// <param name="Set">True when the flag must be set, false when it must not.</param>
public sealed record FlagKey(string Flag, bool Set) : SearchKey;
