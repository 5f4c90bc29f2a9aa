namespace Posta.Storage;

/// <summary>Where and how the store keeps its data.</summary>
public sealed class StoreOptions
{
    /// <summary>
    /// The data directory. The store keeps <c>metadata.db</c> (SQLite) and <c>blobs/</c> in it, creating
    /// them owner-only (0700 / 0600) when missing.
    /// </summary>
    public required string DataDirectory { get; init; }

    /// <summary>Quota for users whose record sets none, in bytes; null for no limit.</summary>
    public long? DefaultQuotaBytes { get; init; }

    /// <summary>
    /// Most write operations committed together in one transaction. Bounds the latency one large group
    /// adds to the operations queued behind it.
    /// </summary>
    public int MaxBatchSize { get; init; } = 256;

    /// <summary>How long a write waits for another process (the admin CLI) to release the database.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Clock for internal dates, creation times and UIDVALIDITY.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(DataDirectory);
        if (DefaultQuotaBytes is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(DefaultQuotaBytes), "A quota cannot be negative.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(BusyTimeout, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(TimeProvider);
    }
}
