namespace Posta.Storage.Directory;

/// <summary>A user to create.</summary>
public sealed record NewUser(string Address, string Domain, string PasswordHash, long? QuotaBytes = null, bool Disabled = false);
