namespace Posta.Storage.Blobs;

/// <summary>
/// A blob put into <see cref="FileBlobStore"/>. Its temporary file is a second hard link to the same
/// durable bytes and stays until the referencing transaction has committed, so a release that removes
/// the blob file in between can be undone by linking it back.
/// </summary>
internal sealed class FileStagedBlob(FileBlobStore store, BlobHash hash, long length, bool created, string sparePath)
    : StagedBlob(hash, length, created)
{
    private string? _sparePath = sparePath;

    public override void EnsureStored()
    {
        var spare = _sparePath ?? throw new ObjectDisposedException(nameof(FileStagedBlob));
        store.Restore(Hash, spare);
    }

    public override ValueTask DisposeAsync()
    {
        var spare = Interlocked.Exchange(ref _sparePath, null);
        if (spare is not null)
        {
            // Not fsync'd: a spare that reappears after a crash is only a stray temporary file,
            // which the next open sweeps.
            File.Delete(spare);
        }

        return ValueTask.CompletedTask;
    }
}
