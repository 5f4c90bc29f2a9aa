using Posta.Smtp.Delivery;
using Posta.Smtp.Protocol.Commands;

namespace Posta.Smtp.Lmtp;

/// <summary>One mail transaction: from MAIL to the end of DATA, RSET or LHLO.</summary>
/// <param name="Id">Names the message in replies, the Received field and logs.</param>
/// <param name="ReversePath">The sender; null for the null reverse-path.</param>
/// <param name="Parameters">The MAIL parameters.</param>
internal sealed record LmtpTransaction(string Id, Mailbox? ReversePath, MailParameters Parameters)
{
    /// <summary>The accepted recipients, in RCPT order.</summary>
    public List<AcceptedRecipient> Recipients { get; } = [];

    /// <summary>The sender as text ("" for the null reverse-path).</summary>
    public string Sender => ReversePath?.ToString() ?? string.Empty;
}
