namespace Posta.Storage;

/// <summary>Counters since the store was opened.</summary>
/// <param name="Commits">Metadata transactions committed (each one fsync of the write-ahead log).</param>
/// <param name="WriteOperations">Write operations executed; more than <paramref name="Commits"/> when group commit batched them.</param>
/// <param name="BlobsCreated">Puts that stored new bytes.</param>
/// <param name="BlobsDeduplicated">Puts whose content was stored already.</param>
/// <param name="BlobsReleased">Blobs removed because nothing referenced them any more.</param>
public sealed record StoreStatistics(long Commits, long WriteOperations, long BlobsCreated, long BlobsDeduplicated, long BlobsReleased);
