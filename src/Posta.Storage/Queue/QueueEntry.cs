namespace Posta.Storage.Queue;

/// <summary>
/// A message to queue: its envelope as the SMTP transaction gave it. Plain values, so the store knows
/// nothing of SMTP types; the queue runner maps them.
/// </summary>
/// <param name="QueueId">The caller's id for the message (its transaction id); unique in the queue.</param>
/// <param name="Sender">The reverse-path; empty for the null reverse-path.</param>
/// <param name="Recipients">The recipients, in RCPT order; at least one.</param>
public sealed record QueueEntry(string QueueId, string Sender, IReadOnlyList<QueueEntryRecipient> Recipients)
{
    /// <summary>The ENVID parameter (RFC 3461 §4.4), or null.</summary>
    public string? EnvelopeId { get; init; }

    /// <summary>The RET parameter (RFC 3461 §4.3): 0 unspecified, 1 FULL, 2 HDRS.</summary>
    public int DsnReturn { get; init; }

    /// <summary>The BODY parameter, as the SMTP layer numbers it (0 unspecified).</summary>
    public int BodyType { get; init; }

    /// <summary>Whether the message was sent with SMTPUTF8 (RFC 6531).</summary>
    public bool SmtpUtf8 { get; init; }

    /// <summary>Whether the sender asked for REQUIRETLS (RFC 8689).</summary>
    public bool RequireTls { get; init; }

    /// <summary>Whether the message is a delivery status notification, which is never reported on in turn.</summary>
    public bool IsReport { get; init; }

    /// <summary>The user who submitted the message, when it was submitted with authentication.</summary>
    public string? AuthenticatedUser { get; init; }

    /// <summary>Where the message came from (client name and address), for the administrator.</summary>
    public string? Client { get; init; }

    /// <summary>When the message was received; its age decides when it is given up.</summary>
    public DateTimeOffset Received { get; init; }
}
