namespace Posta.Storage.Directory;

/// <summary>An entry the operation needs does not exist.</summary>
public sealed class MissingEntryException(string message) : Exception(message);
