using Posta.Smtp.Protocol.Replies;

namespace Posta.Smtp.Outbound.Dsn;

/// <summary>The per-recipient part of a delivery status notification (RFC 3464 §2.3).</summary>
/// <param name="FinalRecipient">The address delivery was attempted to.</param>
/// <param name="OriginalRecipient">The ORCPT value ("rfc822;addr"), or null.</param>
/// <param name="Action">What happened.</param>
/// <param name="Reply">The reply that decided it: its enhanced code is the Status field, its text the diagnostic.</param>
/// <param name="RemoteMta">The server that gave the reply, when it was another one.</param>
/// <param name="LastAttempt">When delivery was last attempted.</param>
public sealed record RecipientReport(
    string FinalRecipient,
    string? OriginalRecipient,
    ReportAction Action,
    SmtpReply Reply,
    string? RemoteMta,
    DateTimeOffset? LastAttempt);
