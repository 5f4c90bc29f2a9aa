namespace Posta.Smtp.Protocol.Commands;

/// <summary>RFC 3207 §4: <c>"STARTTLS" CRLF</c>.</summary>
public sealed record StartTlsCommand() : SmtpCommand(SmtpVerb.StartTls)
{
    /// <summary>The one instance: the command has no arguments.</summary>
    public static StartTlsCommand Instance { get; } = new();
}
