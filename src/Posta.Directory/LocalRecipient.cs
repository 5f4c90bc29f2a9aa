using Posta.Storage.Directory;

namespace Posta.Directory;

/// <summary>A local mailbox a recipient address reaches, with the sub-address detail it carried.</summary>
public sealed record LocalRecipient(UserRecord User, string? Detail);
