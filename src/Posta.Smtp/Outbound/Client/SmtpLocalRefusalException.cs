using Posta.Smtp.Protocol.Replies;

namespace Posta.Smtp.Outbound.Client;

/// <summary>
/// The message cannot go to this server as it stands, so it was not sent:
/// <see cref="Reason"/> says why and <see cref="SmtpClientException.Reply"/> holds a reply Posta
/// composed with the matching enhanced status code, ready for a delivery report. Raised before
/// MAIL is sent and the session stays usable — except for undeclared 8-bit content found while
/// streaming DATA to a server without 8BITMIME, where the only way to stop is to close the
/// connection (<see cref="ConnectionClosed"/>).
/// </summary>
public sealed class SmtpLocalRefusalException : SmtpClientException
{
    internal SmtpLocalRefusalException(LocalRefusalReason reason, SmtpReply reply, bool connectionClosed = false)
        : base($"Not sent: {reply}", reply)
    {
        Reason = reason;
        ConnectionClosed = connectionClosed;
        KeepsSession = !connectionClosed;
    }

    /// <summary>Why the message was not sent.</summary>
    public LocalRefusalReason Reason { get; }

    /// <summary>The session had to close the connection to stop a transfer under way.</summary>
    public bool ConnectionClosed { get; }

    /// <summary>The reply Posta composed (never null here).</summary>
    public SmtpReply LocalReply => Reply!;
}
