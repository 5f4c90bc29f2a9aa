namespace Posta.Storage.Queue;

/// <summary>A pending recipient handed out by <see cref="IQueueStore.LeaseDueAsync"/>.</summary>
/// <param name="Seq">The recipient's position in its message; names it in <see cref="RecipientOutcome"/>.</param>
/// <param name="Address">The recipient address.</param>
/// <param name="OriginalRecipient">The ORCPT value, or null.</param>
/// <param name="Notify">The NOTIFY flags (see <see cref="QueueEntryRecipient.Notify"/>).</param>
/// <param name="Attempts">Attempts made before this one.</param>
/// <param name="LastReply">The reply of the previous attempt, or null.</param>
public sealed record LeasedRecipient(int Seq, string Address, string? OriginalRecipient, int Notify, int Attempts, string? LastReply);
