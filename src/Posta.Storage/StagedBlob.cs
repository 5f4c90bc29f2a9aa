namespace Posta.Storage;

/// <summary>
/// Bytes that <see cref="IBlobStore.PutAsync"/> has made durable and that the metadata store is about
/// to reference. Until it is disposed the staged blob can put its bytes back if a concurrent release
/// removed them, so the reference and the bytes never part: the metadata store calls
/// <see cref="EnsureStored"/> inside the very transaction that records the reference.
/// </summary>
public abstract class StagedBlob : IAsyncDisposable
{
    /// <summary>Creates a staged blob.</summary>
    protected StagedBlob(BlobHash hash, long length, bool created)
    {
        Hash = hash;
        Length = length;
        Created = created;
    }

    /// <summary>SHA-256 of the bytes.</summary>
    public BlobHash Hash { get; }

    /// <summary>Number of bytes.</summary>
    public long Length { get; }

    /// <summary>True when this put stored new bytes; false when the content was stored already.</summary>
    public bool Created { get; }

    /// <summary>
    /// Makes sure the bytes are present and durable, restoring them if a release removed them since
    /// the put. Called while the metadata store holds its write lock; must be quick.
    /// </summary>
    public abstract void EnsureStored();

    /// <summary>Drops what the staged blob kept to restore the bytes.</summary>
    public abstract ValueTask DisposeAsync();
}
