namespace Posta.Directory;

/// <summary>
/// A request the directory refuses; the message is meant for the administrator or user as it is
/// ("the domain example.org does not exist; add it first with: posta domain add example.org").
/// </summary>
public sealed class DirectoryException(string message) : Exception(message);
