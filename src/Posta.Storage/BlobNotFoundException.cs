namespace Posta.Storage;

/// <summary>The blob store has no bytes under that hash.</summary>
public sealed class BlobNotFoundException(string message) : StorageException(message);
