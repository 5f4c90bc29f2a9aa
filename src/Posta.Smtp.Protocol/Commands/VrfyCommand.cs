namespace Posta.Smtp.Protocol.Commands;

/// <summary>RFC 5321 §4.1.1.6 and RFC 6531 §3.7.4.2: <c>"VRFY" SP String [ SP "SMTPUTF8" ] CRLF</c>.</summary>
/// <param name="Argument">The string to verify, as sent (a quoted-string keeps its quotes).</param>
/// <param name="SmtpUtf8">True when the client accepts UTF-8 in the reply.</param>
public sealed record VrfyCommand(string Argument, bool SmtpUtf8) : SmtpCommand(SmtpVerb.Vrfy);
