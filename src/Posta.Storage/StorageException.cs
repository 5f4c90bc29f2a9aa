namespace Posta.Storage;

/// <summary>
/// Base of the store's errors. Expected conditions have their own subclasses; this class itself means
/// the store could not do its work (disk full, I/O error) and the caller should report a temporary failure.
/// </summary>
public class StorageException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StorageException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public StorageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
