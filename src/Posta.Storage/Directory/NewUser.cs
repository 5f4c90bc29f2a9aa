namespace Posta.Storage.Directory;

/// <summary>A user to create.</summary>
public sealed record NewUser(string Address, string Domain, string PasswordHash, long? QuotaBytes = null, bool Disabled = false)
{
    /// <summary>SCRAM-SHA-256 keys made from the same password, or null; see <see cref="UserRecord.ScramSha256"/>.</summary>
    public string? ScramSha256 { get; init; }
}
