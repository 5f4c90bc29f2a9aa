namespace Posta.Smtp.Protocol.Commands;

/// <summary>
/// RFC 5321 §4.1.1.3: <c>"RCPT TO:" ( "&lt;Postmaster@" Domain "&gt;" / "&lt;Postmaster&gt;" /
/// Forward-path ) [SP Rcpt-parameters] CRLF</c>. A source route is accepted and dropped
/// (RFC 5321 §4.1.1.3, Appendix C).
/// </summary>
/// <param name="ForwardPath">The recipient; see <see cref="Mailbox.IsPostmaster"/>.</param>
/// <param name="Parameters">The ESMTP parameters.</param>
public sealed record RcptCommand(Mailbox ForwardPath, RcptParameters Parameters) : SmtpCommand(SmtpVerb.Rcpt);
