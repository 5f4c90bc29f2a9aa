namespace Posta.Storage;

/// <summary>The database was written by a newer version of Posta; this version cannot use it.</summary>
public sealed class SchemaVersionException(string message) : StorageException(message);
