using Posta.Directory;

namespace Posta.Smtp.Delivery;

/// <summary>A recipient accepted at RCPT: the address as the client gave it and the local users it reaches.</summary>
/// <param name="Address">The RCPT address as given (for replies and logs).</param>
/// <param name="Users">The enabled local users it reaches, each once; at least one unless it only forwards.</param>
/// <param name="ExternalTargets">Addresses on other servers an alias forwards it to (empty for LMTP, which refuses those).</param>
public sealed record AcceptedRecipient(string Address, IReadOnlyList<LocalRecipient> Users, IReadOnlyList<string> ExternalTargets);
