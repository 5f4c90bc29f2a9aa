namespace Posta.Storage.Directory;

/// <summary>The entry to add exists already.</summary>
public sealed class DuplicateEntryException(string message) : Exception(message);
