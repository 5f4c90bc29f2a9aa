namespace Posta.Storage.Queue;

/// <summary>A recipient of a message to queue.</summary>
/// <param name="Address">The recipient address.</param>
/// <param name="OriginalRecipient">The ORCPT parameter as "addr-type;address" (RFC 3461 §4.2), or null.</param>
/// <param name="Notify">The NOTIFY parameter as flags: 1 never, 2 success, 4 failure, 8 delay; 0 when absent.</param>
public sealed record QueueEntryRecipient(string Address, string? OriginalRecipient = null, int Notify = 0);
