using Posta.Smtp.Protocol.Commands;

namespace Posta.Smtp.Session;

/// <summary>One mail transaction: from MAIL to the end of the content, RSET or a new greeting.</summary>
/// <param name="Id">Names the message in replies, the Received field, the queue and logs.</param>
/// <param name="ReversePath">The sender; null for the null reverse-path.</param>
/// <param name="Parameters">The MAIL parameters.</param>
internal sealed record SmtpTransaction(string Id, Mailbox? ReversePath, MailParameters Parameters)
{
    /// <summary>The accepted recipients, in RCPT order.</summary>
    public List<SmtpRecipient> Recipients { get; } = [];

    /// <summary>The sender as text ("" for the null reverse-path).</summary>
    public string Sender => ReversePath?.ToString() ?? string.Empty;
}
