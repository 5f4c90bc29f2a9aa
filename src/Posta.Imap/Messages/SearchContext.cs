namespace Posta.Imap.Messages;

/// <summary>What a search needs besides the messages.</summary>
/// <param name="Loader">Reads content for header, body and date keys.</param>
/// <param name="SavedUids">The UIDs saved by SEARCHRES (RFC 5182), for "$"; null when nothing was saved.</param>
/// <param name="RecentUids">The UIDs this session sees as \Recent (IMAP4rev1).</param>
/// <param name="Now">The current time, for YOUNGER/OLDER.</param>
internal sealed record SearchContext(
    IMessageContentLoader Loader,
    IReadOnlySet<uint>? SavedUids,
    IReadOnlySet<uint> RecentUids,
    DateTimeOffset Now);
