using Posta.Imap.Protocol.Commands;
using Posta.Imap.Protocol.Responses;

namespace Posta.Imap.Messages;

/// <summary>Threads messages (RFC 5256 §4: ORDEREDSUBJECT and REFERENCES).</summary>
internal static class ThreadEngine
{
    /// <summary>The threads, in the order RFC 5256 gives.</summary>
    public static ValueTask<IReadOnlyList<ThreadNode>> ThreadAsync(
        IReadOnlyList<MailboxMessage> messages,
        ThreadAlgorithm algorithm,
        SearchContext context,
        CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>Writes the thread-list after "* THREAD " (e.g. "(1 2)(3 (4)(5))"), by UID or sequence number.</summary>
    public static void Write(IReadOnlyList<ThreadNode> threads, bool uid, ImapResponseWriter writer) => throw new NotImplementedException();
}
