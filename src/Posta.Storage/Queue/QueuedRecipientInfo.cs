namespace Posta.Storage.Queue;

/// <summary>A queued recipient as an administrator sees it.</summary>
/// <param name="Seq">The recipient's position in its message.</param>
/// <param name="Address">The recipient address.</param>
/// <param name="OriginalRecipient">The ORCPT value, or null.</param>
/// <param name="Notify">The NOTIFY flags.</param>
/// <param name="State">Pending, delivered or failed.</param>
/// <param name="Attempts">Attempts made.</param>
/// <param name="NextAttempt">When it is due (meaningful while pending).</param>
/// <param name="LeaseUntil">When the current lease runs out, or null when not leased.</param>
/// <param name="LastReply">The reply of the last attempt, or null.</param>
public sealed record QueuedRecipientInfo(
    int Seq,
    string Address,
    string? OriginalRecipient,
    int Notify,
    QueueRecipientState State,
    int Attempts,
    DateTimeOffset NextAttempt,
    DateTimeOffset? LeaseUntil,
    string? LastReply);
