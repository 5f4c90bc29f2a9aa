namespace Posta.Storage.Queue;

/// <summary>What became of a leased recipient after a delivery attempt.</summary>
/// <param name="Seq">The recipient's position in its message (<see cref="LeasedRecipient.Seq"/>).</param>
/// <param name="State">Delivered, Failed, or Pending for a deferral.</param>
/// <param name="LastReply">The reply that decided it, for the administrator and the next report; or null.</param>
/// <param name="NextAttempt">For a deferral, when to try again; otherwise null.</param>
public sealed record RecipientOutcome(int Seq, QueueRecipientState State, string? LastReply, DateTimeOffset? NextAttempt)
{
    /// <summary>The recipient has the message.</summary>
    public static RecipientOutcome Delivered(int seq, string? reply = null) => new(seq, QueueRecipientState.Delivered, reply, null);

    /// <summary>The recipient will never get the message.</summary>
    public static RecipientOutcome Failed(int seq, string? reply) => new(seq, QueueRecipientState.Failed, reply, null);

    /// <summary>The attempt failed for now; the recipient is due again at <paramref name="nextAttempt"/>.</summary>
    public static RecipientOutcome Deferred(int seq, string? reply, DateTimeOffset nextAttempt) =>
        new(seq, QueueRecipientState.Pending, reply, nextAttempt);
}
