using Posta.Storage;

namespace Posta.Imap.Messages;

/// <summary>
/// Reads message content for SEARCH, SORT and THREAD. The session's implementation reads the blob
/// store and may cache; a header-only load lets it stop after the top-level header.
/// </summary>
internal interface IMessageContentLoader
{
    /// <summary>The message's content; with <paramref name="headersOnly"/> the body may be missing.</summary>
    ValueTask<MessageContent> LoadAsync(MessageRecord record, bool headersOnly, CancellationToken cancellationToken);
}
