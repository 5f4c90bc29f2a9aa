namespace Posta.Smtp.Protocol.Commands;

/// <summary>RFC 5321 §4.1.1.8: <c>"HELP" [ SP String ] CRLF</c>.</summary>
/// <param name="Topic">The argument, or null when none was given.</param>
public sealed record HelpCommand(string? Topic) : SmtpCommand(SmtpVerb.Help);
