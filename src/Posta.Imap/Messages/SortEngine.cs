using Posta.Imap.Protocol.Commands;

namespace Posta.Imap.Messages;

/// <summary>Orders messages by SORT criteria (RFC 5256 §3, RFC 5957).</summary>
internal static class SortEngine
{
    /// <summary>The messages in sort order; ties broken by sequence number (RFC 5256 §3).</summary>
    public static ValueTask<IReadOnlyList<MailboxMessage>> SortAsync(
        IReadOnlyList<MailboxMessage> messages,
        IReadOnlyList<SortCriterion> criteria,
        SearchContext context,
        CancellationToken cancellationToken) => throw new NotImplementedException();
}
