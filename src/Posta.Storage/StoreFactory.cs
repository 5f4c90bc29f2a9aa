using Posta.Storage.Sqlite;

namespace Posta.Storage;

/// <summary>Opens stores.</summary>
public static class StoreFactory
{
    /// <summary>
    /// Opens (creating when missing) the embedded store in <see cref="StoreOptions.DataDirectory"/>:
    /// SQLite metadata in WAL mode and SHA-256 named blob files. An older database is upgraded in place.
    /// </summary>
    /// <exception cref="SchemaVersionException">The database is newer than this code.</exception>
    public static async Task<IStore> OpenAsync(StoreOptions options, CancellationToken cancellationToken = default) =>
        await SqliteStore.OpenAsync(options, cancellationToken);
}
