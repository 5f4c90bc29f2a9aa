namespace Posta.Smtp.Protocol.Commands;

/// <summary>RFC 5321 §4.1.1.4: <c>"DATA" CRLF</c>. The content that follows is read with <see cref="Data.SmtpDataDecoder"/>.</summary>
public sealed record DataCommand() : SmtpCommand(SmtpVerb.Data)
{
    /// <summary>The one instance: the command has no arguments.</summary>
    public static DataCommand Instance { get; } = new();
}
