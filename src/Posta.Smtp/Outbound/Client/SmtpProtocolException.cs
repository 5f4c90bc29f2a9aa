using Posta.Smtp.Protocol.Replies;

namespace Posta.Smtp.Outbound.Client;

/// <summary>
/// The conversation cannot go on: the server sent something that is not a reply
/// (<see cref="ReplyError"/>), a reply the command cannot have (a 354 to RCPT; then
/// <see cref="SmtpClientException.Reply"/> holds it), data after its 220 to STARTTLS, or the
/// connection closed or failed (the I/O error is the inner exception). The session is closed.
/// </summary>
public sealed class SmtpProtocolException : SmtpClientException
{
    internal SmtpProtocolException(string message, SmtpReplyError replyError = SmtpReplyError.None, SmtpReply? reply = null, Exception? innerException = null)
        : base(message, reply, innerException)
    {
        ReplyError = replyError;
    }

    /// <summary>Why the reply could not be read; <see cref="SmtpReplyError.None"/> when the failure was something else.</summary>
    public SmtpReplyError ReplyError { get; }
}
