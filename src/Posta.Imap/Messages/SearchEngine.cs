using Posta.Imap.Protocol.Commands;

namespace Posta.Imap.Messages;

/// <summary>Evaluates SEARCH keys (RFC 9051 §6.4.4 and extensions) over the selected mailbox's messages.</summary>
internal static class SearchEngine
{
    /// <summary>The messages that match, in ascending sequence order. Content is loaded only for keys that need it.</summary>
    public static ValueTask<IReadOnlyList<MailboxMessage>> SearchAsync(
        IReadOnlyList<MailboxMessage> messages,
        SearchKey criteria,
        SearchContext context,
        CancellationToken cancellationToken) => throw new NotImplementedException();
}
