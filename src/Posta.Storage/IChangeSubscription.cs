using System.Threading.Channels;

namespace Posta.Storage;

/// <summary>A live subscription to one user's mailbox changes. Dispose it to stop receiving.</summary>
public interface IChangeSubscription : IDisposable
{
    /// <summary>The user whose changes arrive.</summary>
    long UserId { get; }

    /// <summary>Changes in commit order; completes when the subscription or the store is disposed.</summary>
    ChannelReader<MailboxChange> Changes { get; }
}
