using Posta.Smtp.Protocol.Replies;

namespace Posta.Smtp.Outbound.Client;

/// <summary>
/// The server answered a command outside a mail transaction with a negative reply: a greeting
/// other than 220, a refused EHLO/LHLO/HELO, STARTTLS or RSET, or a negative reply to QUIT.
/// <see cref="SmtpClientException.Reply"/> holds it. After a refused STARTTLS (RFC 3207 §4,
/// e.g. 454) the session is still usable in the clear; after the others it is closed.
/// </summary>
public sealed class SmtpCommandException : SmtpClientException
{
    internal SmtpCommandException(string command, SmtpReply reply)
        : base($"The server refused {command}: {reply}", reply)
    {
        Command = command;
    }

    /// <summary>The command refused, e.g. "EHLO"; "greeting" for the connection greeting.</summary>
    public string Command { get; }

    /// <summary>The server's reply (never null here).</summary>
    public SmtpReply ServerReply => Reply!;
}
