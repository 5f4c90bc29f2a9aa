namespace Posta.Storage.Directory;

/// <summary>The entry cannot be removed while other entries depend on it.</summary>
public sealed class EntryInUseException(string message) : Exception(message);
