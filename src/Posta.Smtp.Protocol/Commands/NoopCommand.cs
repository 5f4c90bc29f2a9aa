namespace Posta.Smtp.Protocol.Commands;

/// <summary>RFC 5321 §4.1.1.9: <c>"NOOP" [ SP String ] CRLF</c>; the argument is ignored.</summary>
public sealed record NoopCommand() : SmtpCommand(SmtpVerb.Noop)
{
    /// <summary>The one instance: the argument carries no meaning.</summary>
    public static NoopCommand Instance { get; } = new();
}
