namespace Posta.Storage;

/// <summary>The mailbox name is not acceptable: empty, an empty hierarchy level, a control character, a wildcard, or too long.</summary>
public sealed class InvalidMailboxNameException(string message) : StorageException(message);
