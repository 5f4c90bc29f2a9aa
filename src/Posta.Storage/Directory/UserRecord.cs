namespace Posta.Storage.Directory;

/// <summary>A mail account. <see cref="QuotaBytes"/> null means the configured default applies.</summary>
public sealed record UserRecord(
    long Id,
    string Address,
    string Domain,
    string PasswordHash,
    long? QuotaBytes,
    bool Disabled,
    DateTimeOffset Created)
{
    /// <summary>
    /// SCRAM-SHA-256 keys in Dovecot's "{SCRAM-SHA-256}iterations,salt,StoredKey,ServerKey" form, or null
    /// when the user has none yet (they are made from the password, which a bcrypt hash cannot give back).
    /// </summary>
    public string? ScramSha256 { get; init; }
}
