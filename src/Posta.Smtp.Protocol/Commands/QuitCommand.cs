namespace Posta.Smtp.Protocol.Commands;

/// <summary>RFC 5321 §4.1.1.10: <c>"QUIT" CRLF</c>.</summary>
public sealed record QuitCommand() : SmtpCommand(SmtpVerb.Quit)
{
    /// <summary>The one instance: the command has no arguments.</summary>
    public static QuitCommand Instance { get; } = new();
}
