namespace Posta.Smtp.Protocol.Commands;

/// <summary>RFC 5321 §4.1.1.5: <c>"RSET" CRLF</c>.</summary>
public sealed record RsetCommand() : SmtpCommand(SmtpVerb.Rset)
{
    /// <summary>The one instance: the command has no arguments.</summary>
    public static RsetCommand Instance { get; } = new();
}
