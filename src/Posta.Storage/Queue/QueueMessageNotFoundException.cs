namespace Posta.Storage.Queue;

/// <summary>The message is not in the queue (never was, or has left it).</summary>
public sealed class QueueMessageNotFoundException(string message) : Exception(message);
