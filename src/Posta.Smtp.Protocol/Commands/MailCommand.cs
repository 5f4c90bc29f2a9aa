namespace Posta.Smtp.Protocol.Commands;

/// <summary>RFC 5321 §4.1.1.2: <c>"MAIL FROM:" Reverse-path [SP Mail-parameters] CRLF</c>.</summary>
/// <param name="ReversePath">The sender; null for the null reverse-path "&lt;&gt;" (bounces).</param>
/// <param name="Parameters">The ESMTP parameters.</param>
public sealed record MailCommand(Mailbox? ReversePath, MailParameters Parameters) : SmtpCommand(SmtpVerb.Mail)
{
    /// <summary>True for "MAIL FROM:&lt;&gt;".</summary>
    public bool IsNullReversePath => ReversePath is null;
}
