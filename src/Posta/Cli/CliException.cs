namespace Posta.Cli;

/// <summary>A refusal on the command line; the message is printed as it is and the exit code is non-zero.</summary>
internal sealed class CliException(string message) : Exception(message);
