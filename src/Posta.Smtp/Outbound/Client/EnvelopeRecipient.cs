using Posta.Smtp.Protocol.Commands;

namespace Posta.Smtp.Outbound.Client;

/// <summary>One recipient of an <see cref="Envelope"/>.</summary>
/// <param name="Address">The forward-path in RFC 5321 <c>Mailbox</c> form, without angle brackets.</param>
public sealed record EnvelopeRecipient(string Address)
{
    /// <summary>NOTIFY (RFC 3461 §4.1); sent only to a server that offers DSN.</summary>
    public DsnNotify Notify { get; init; }

    /// <summary>
    /// ORCPT (RFC 3461 §4.2), e.g. <c>new("rfc822", "alias@example.org")</c>; sent only to a
    /// server that offers DSN. A non-ASCII address is sent as the "utf-8" type of RFC 6533 §3.
    /// </summary>
    public OriginalRecipient? OriginalRecipient { get; init; }
}
