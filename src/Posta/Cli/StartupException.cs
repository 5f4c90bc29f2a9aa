namespace Posta.Cli;

/// <summary>The store or a listener cannot be opened; the message says which and why.</summary>
internal sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);
