namespace Posta.Storage;

/// <summary>
/// Content-addressed message bytes: one copy per distinct content, named by its SHA-256. Reference
/// counts live in the metadata store, which alone decides when bytes are released.
/// </summary>
public interface IBlobStore
{
    /// <summary>
    /// Streams <paramref name="content"/> into the store while hashing it and returns once the bytes
    /// are durable. Content stored already is not written again.
    /// </summary>
    ValueTask<StagedBlob> PutAsync(Stream content, CancellationToken cancellationToken = default);

    /// <summary>Opens the bytes for reading.</summary>
    /// <exception cref="BlobNotFoundException">No such blob.</exception>
    ValueTask<Stream> OpenReadAsync(BlobHash hash, CancellationToken cancellationToken = default);

    /// <summary>Whether the bytes are present.</summary>
    bool Exists(BlobHash hash);

    /// <summary>
    /// Removes the bytes. Only the metadata store calls this, inside the write transaction that found
    /// the blob unreferenced; a staged blob of the same content puts them back if it needs them.
    /// </summary>
    void Release(BlobHash hash);
}
