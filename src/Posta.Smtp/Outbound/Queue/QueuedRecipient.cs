using Posta.Smtp.Protocol.Commands;

namespace Posta.Smtp.Outbound.Queue;

/// <summary>A recipient of a queued message.</summary>
/// <param name="Address">The recipient address.</param>
/// <param name="OriginalRecipient">The ORCPT value as "addr-type;address" (RFC 3461 §4.2), or null.</param>
/// <param name="Notify">When the sender wants a delivery status notification (RFC 3461 §4.1).</param>
public sealed record QueuedRecipient(string Address, string? OriginalRecipient, DsnNotify Notify);
