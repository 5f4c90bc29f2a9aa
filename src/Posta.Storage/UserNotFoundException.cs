namespace Posta.Storage;

/// <summary>There is no user with that id.</summary>
public sealed class UserNotFoundException(string message) : StorageException(message);
