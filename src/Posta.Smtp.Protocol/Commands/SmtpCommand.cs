namespace Posta.Smtp.Protocol.Commands;

/// <summary>
/// One parsed command line. The parser returns a concrete subtype per command, or an
/// <see cref="InvalidCommand"/> that says why the line was refused and what to answer.
/// </summary>
/// <param name="Verb">The command word.</param>
public abstract record SmtpCommand(SmtpVerb Verb);
