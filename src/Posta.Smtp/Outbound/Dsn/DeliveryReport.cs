using Posta.Smtp.Protocol.Commands;

namespace Posta.Smtp.Outbound.Dsn;

/// <summary>The per-message part of a delivery status notification (RFC 3464 §2.2).</summary>
/// <param name="ReportingMta">This server's host name (Reporting-MTA: dns;...).</param>
/// <param name="EnvelopeId">The ENVID the sender gave (RFC 3461 §4.4), or null.</param>
/// <param name="Return">RET: how much of the original to return (RFC 3461 §4.3).</param>
/// <param name="Sender">The original reverse-path; the report goes to it.</param>
/// <param name="ArrivalDate">When the original message was received.</param>
/// <param name="Recipients">One entry per recipient reported on.</param>
public sealed record DeliveryReport(
    string ReportingMta,
    string? EnvelopeId,
    DsnReturn Return,
    string Sender,
    DateTimeOffset ArrivalDate,
    IReadOnlyList<RecipientReport> Recipients);
