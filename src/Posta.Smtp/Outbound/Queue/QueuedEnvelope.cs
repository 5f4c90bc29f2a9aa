using Posta.Smtp.Protocol.Commands;

namespace Posta.Smtp.Outbound.Queue;

/// <summary>The envelope of a message handed to the <see cref="MessageQueue"/>.</summary>
/// <param name="QueueId">The message's id (the transaction id): names it in the queue, logs and reports; unique.</param>
/// <param name="Sender">The reverse-path; empty for the null reverse-path, which never gets a report.</param>
/// <param name="Recipients">The recipients still to deliver to; at least one.</param>
public sealed record QueuedEnvelope(string QueueId, string Sender, IReadOnlyList<QueuedRecipient> Recipients)
{
    /// <summary>The ENVID parameter (RFC 3461 §4.4), or null.</summary>
    public string? EnvelopeId { get; init; }

    /// <summary>The RET parameter (RFC 3461 §4.3).</summary>
    public DsnReturn Return { get; init; }

    /// <summary>The BODY parameter (RFC 6152, RFC 3030).</summary>
    public BodyType Body { get; init; }

    /// <summary>Whether the message was sent with SMTPUTF8 (RFC 6531).</summary>
    public bool SmtpUtf8 { get; init; }

    /// <summary>Whether the sender asked for REQUIRETLS (RFC 8689).</summary>
    public bool RequireTls { get; init; }

    /// <summary>Whether the message is itself a delivery status notification: never reported on, and given up sooner.</summary>
    public bool IsReport { get; init; }

    /// <summary>The user who submitted the message, when it was submitted with authentication.</summary>
    public string? AuthenticatedUser { get; init; }

    /// <summary>Where the message came from (client name and address), for the administrator.</summary>
    public string? Client { get; init; }

    /// <summary>When the message was received: the report's Arrival-Date, and the start of its queue lifetime.</summary>
    public DateTimeOffset Received { get; init; }
}
