namespace Posta.Storage.Directory;

/// <summary>A mail account. <see cref="QuotaBytes"/> null means the configured default applies.</summary>
public sealed record UserRecord(
    long Id,
    string Address,
    string Domain,
    string PasswordHash,
    long? QuotaBytes,
    bool Disabled,
    DateTimeOffset Created);
