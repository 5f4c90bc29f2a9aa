using Posta.Smtp.Protocol.Commands;

namespace Posta.Smtp.Outbound.Client;

/// <summary>
/// The envelope of one transaction: what goes into MAIL FROM and the RCPT TO commands.
/// Addresses are in RFC 5321 <c>Mailbox</c> form without angle brackets ("user@example.org",
/// "\"john doe\"@example.org"); the session checks each command with Posta's own parser before
/// sending it, so a malformed address is refused locally and never reaches the wire.
/// </summary>
/// <remarks>
/// The DSN parameters (<see cref="EnvelopeId"/>, <see cref="Return"/>, and each recipient's
/// NOTIFY and ORCPT) are sent only to a server that offers DSN (RFC 3461). To one that does not,
/// they are left out and <see cref="TransactionResult.DsnParametersSent"/> is false: the caller
/// then owes the sender what RFC 3461 §5.2.2 asks of a relay to a non-DSN server — a "relayed"
/// report for recipients that asked for NOTIFY=SUCCESS.
/// </remarks>
/// <param name="Sender">The reverse-path; "" for the null reverse-path "&lt;&gt;" of delivery reports.</param>
/// <param name="Recipients">The forward-paths, at least one.</param>
public sealed record Envelope(string Sender, IReadOnlyList<EnvelopeRecipient> Recipients)
{
    /// <summary>
    /// The content's size in octets, sent as SIZE= and checked against the server's SIZE limit
    /// before anything is sent (RFC 1870). Null: the length of a seekable content stream from
    /// its position, else unknown (no SIZE parameter, no local check).
    /// </summary>
    public long? Size { get; init; }

    /// <summary>
    /// The BODY parameter (RFC 6152, RFC 3030). <see cref="BodyType.EightBitMime"/> to a server
    /// without 8BITMIME is refused locally (<see cref="LocalRefusalReason.EightBitNotSupported"/>);
    /// <see cref="BodyType.BinaryMime"/> needs CHUNKING and BINARYMIME and is sent unaltered by BDAT.
    /// </summary>
    public BodyType Body { get; init; }

    /// <summary>
    /// The message needs SMTPUTF8 (RFC 6531: UTF-8 header fields). Also implied by any non-ASCII
    /// address. Refused locally when the server does not offer SMTPUTF8.
    /// </summary>
    public bool SmtpUtf8 { get; init; }

    /// <summary>REQUIRETLS (RFC 8689): refused locally unless the connection is encrypted and the server offers REQUIRETLS.</summary>
    public bool RequireTls { get; init; }

    /// <summary>ENVID (RFC 3461 §4.4), sent xtext-encoded; printable ASCII, at most 100 characters.</summary>
    public string? EnvelopeId { get; init; }

    /// <summary>RET (RFC 3461 §4.3).</summary>
    public DsnReturn Return { get; init; }
}
