using Posta.Smtp.Protocol.Replies;

namespace Posta.Smtp.Outbound.Client;

/// <summary>What happened to one recipient of a transaction.</summary>
/// <param name="Recipient">The recipient as given in the envelope.</param>
/// <param name="Reply">
/// The reply that decided the recipient's fate: the reply to MAIL when MAIL was refused, the
/// reply to its RCPT when that was refused, otherwise the reply to the content (SMTP: the one
/// reply after the end of data, or DATA's refusal; LMTP: the recipient's own reply, RFC 2033
/// §4.2). A 421 ends the conversation: every recipient still waiting gets it.
/// </param>
/// <param name="Accepted">The server accepted the RCPT.</param>
/// <param name="Delivered">The server took responsibility for the message for this recipient (a 2yz after the content).</param>
public sealed record RecipientResult(EnvelopeRecipient Recipient, SmtpReply Reply, bool Accepted, bool Delivered)
{
    /// <summary>The recipient's address.</summary>
    public string Address => Recipient.Address;
}
