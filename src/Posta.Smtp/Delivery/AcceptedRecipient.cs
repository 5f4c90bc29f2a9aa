using Posta.Directory;

namespace Posta.Smtp.Delivery;

/// <summary>A recipient accepted at RCPT: the address as the client gave it and the local users it reaches.</summary>
/// <param name="Address">The RCPT address as given (for replies and logs).</param>
/// <param name="Users">The enabled local users it reaches, each once; at least one.</param>
public sealed record AcceptedRecipient(string Address, IReadOnlyList<LocalRecipient> Users);
