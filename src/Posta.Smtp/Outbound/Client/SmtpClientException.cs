using Posta.Smtp.Protocol.Replies;

namespace Posta.Smtp.Outbound.Client;

/// <summary>
/// Why an <see cref="SmtpClientSession"/> could not do what it was asked. The subclasses tell
/// the cases apart: <see cref="SmtpCommandException"/> (a negative reply outside a transaction),
/// <see cref="SmtpProtocolException"/> (the server broke the protocol or the connection),
/// <see cref="SmtpTimeoutException"/> (no reply in time) and
/// <see cref="SmtpLocalRefusalException"/> (the message cannot go to this server, so nothing was sent).
/// </summary>
/// <remarks>
/// Negative replies inside a transaction are not exceptions: they are reported per recipient in
/// the <see cref="TransactionResult"/>. Only a local refusal leaves the session usable (see
/// <see cref="SmtpClientSession.IsConnected"/>).
/// </remarks>
public abstract class SmtpClientException : Exception
{
    private protected SmtpClientException(string message, SmtpReply? reply, Exception? innerException = null)
        : base(message, innerException)
    {
        Reply = reply;
    }

    /// <summary>
    /// The reply concerned: the server's negative or unexpected reply, or, for a local refusal,
    /// the reply Posta composed to report it (as Postfix does). Null for a timeout, an unreadable
    /// reply or a lost connection.
    /// </summary>
    public SmtpReply? Reply { get; }

    /// <summary>
    /// When the failure struck during <see cref="SmtpClientSession.SendAsync"/>, the recipients
    /// whose fate was already settled by a reply: refused at RCPT, or (LMTP, RFC 2033 §4.2)
    /// answered after the content before the connection failed — delivered ones must not be sent
    /// again. Every other recipient's fate is unknown. Empty otherwise.
    /// </summary>
    public IReadOnlyList<RecipientResult> SettledRecipients { get; internal set; } = [];

    /// <summary>The failure leaves the session usable (a refused STARTTLS, a local refusal before sending).</summary>
    internal bool KeepsSession { get; init; }
}
