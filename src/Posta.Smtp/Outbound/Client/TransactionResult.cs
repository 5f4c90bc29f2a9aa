using Posta.Smtp.Protocol.Replies;

namespace Posta.Smtp.Outbound.Client;

/// <summary>The outcome of one mail transaction (<see cref="SmtpClientSession.SendAsync"/>).</summary>
/// <param name="MailReply">The reply to MAIL FROM.</param>
/// <param name="Recipients">One result per envelope recipient, in envelope order.</param>
/// <param name="DataReply">
/// The reply that settled the content for the whole transaction: the refusal of DATA or of a BDAT
/// chunk, or, for SMTP, the reply after the end of the content. Null when the transaction ended
/// before the content (MAIL or every RCPT refused), and for LMTP once the content was sent, where
/// each recipient has its own reply.
/// </param>
/// <param name="DsnParametersSent">
/// True when the server offered DSN and the envelope's DSN parameters went with MAIL and RCPT;
/// false when they were left out (see <see cref="Envelope"/>).
/// </param>
public sealed record TransactionResult(
    SmtpReply MailReply,
    IReadOnlyList<RecipientResult> Recipients,
    SmtpReply? DataReply,
    bool DsnParametersSent)
{
    /// <summary>True when every recipient was delivered.</summary>
    public bool AllDelivered => Recipients.All(r => r.Delivered);
}
