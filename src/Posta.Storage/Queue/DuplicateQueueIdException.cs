namespace Posta.Storage.Queue;

/// <summary>A message with the same queue id is queued already.</summary>
public sealed class DuplicateQueueIdException(string message) : Exception(message);
