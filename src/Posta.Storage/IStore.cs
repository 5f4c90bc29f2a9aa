using Posta.Storage.Directory;
using Posta.Storage.Queue;

namespace Posta.Storage;

/// <summary>An open store: directory, mail, queue, blobs and change notifications over one data directory.</summary>
public interface IStore : IAsyncDisposable
{
    /// <summary>Domains, users and aliases.</summary>
    IDirectoryStore Directory { get; }

    /// <summary>Mailboxes and messages.</summary>
    IMailStore Mail { get; }

    /// <summary>Mail waiting for delivery.</summary>
    IQueueStore Queue { get; }

    /// <summary>Message bytes.</summary>
    IBlobStore Blobs { get; }

    /// <summary>Committed mailbox changes, for IDLE.</summary>
    IMailboxChangeNotifier Changes { get; }

    /// <summary>Counters since the store was opened.</summary>
    StoreStatistics GetStatistics();
}
