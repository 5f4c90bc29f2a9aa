using Microsoft.Data.Sqlite;
using Posta.Storage.Blobs;
using Posta.Storage.Directory;
using Posta.Storage.Notifications;
using Posta.Storage.Queue;

namespace Posta.Storage.Sqlite;

/// <summary>
/// The embedded store: <c>metadata.db</c> (SQLite, WAL, <c>synchronous=FULL</c>) and <c>blobs/</c> in the
/// data directory. Several processes may open the same directory (the server and the admin CLI): SQLite
/// serialises their writers and the blob protocol does not depend on in-process state.
/// </summary>
internal sealed class SqliteStore : IStore
{
    public const string DatabaseFileName = "metadata.db";
    public const string BlobDirectoryName = "blobs";

    // A put in progress keeps its temporary file for well under a second; an hour-old one is a leftover
    // of a crash, even on a very slow disk or with another process sharing the directory.
    private static readonly TimeSpan StaleTemporaryFileAge = TimeSpan.FromHours(1);

    private readonly SqliteWriter _writer;
    private readonly FileBlobStore _blobs;
    private readonly InProcessChangeNotifier _notifier;
    private readonly string _readConnectionString;
    private int _disposed;

    private SqliteStore(SqliteWriter writer, FileBlobStore blobs, InProcessChangeNotifier notifier, string readConnectionString, StoreOptions options)
    {
        _writer = writer;
        _blobs = blobs;
        _notifier = notifier;
        _readConnectionString = readConnectionString;
        Mail = new SqliteMailStore(writer, readConnectionString, blobs, options);
        Directory = new SqliteDirectoryStore(writer, readConnectionString);
        Queue = new SqliteQueueStore(writer, readConnectionString, blobs);
    }

    public IDirectoryStore Directory { get; }

    public IMailStore Mail { get; }

    public IQueueStore Queue { get; }

    public IBlobStore Blobs => _blobs;

    public IMailboxChangeNotifier Changes => _notifier;

    internal SqliteWriter Writer => _writer;

    public static async Task<SqliteStore> OpenAsync(StoreOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        cancellationToken.ThrowIfCancellationRequested();

        var dataDirectory = Path.GetFullPath(options.DataDirectory);
        CreatePrivateDirectory(dataDirectory);
        var databasePath = Path.Combine(dataDirectory, DatabaseFileName);
        CreatePrivateFile(databasePath);

        var blobs = new FileBlobStore(Path.Combine(dataDirectory, BlobDirectoryName));
        SqliteConnection? connection = null;
        SqliteStore? store = null;
        try
        {
            blobs.SweepTemporaryFiles(StaleTemporaryFileAge, options.TimeProvider.GetUtcNow());
            var builder = new SqliteConnectionStringBuilder
            {
                DataSource = databasePath,
                Mode = SqliteOpenMode.ReadWrite,
                Cache = SqliteCacheMode.Private,
                ForeignKeys = true,
                DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
                Pooling = false,
            };
            connection = OpenWriterConnection(builder.ToString(), options);
            SchemaMigrations.Migrate(connection);

            builder.Pooling = true;
            var notifier = new InProcessChangeNotifier();
            var writer = new SqliteWriter(connection, options, blobs, notifier);
            store = new SqliteStore(writer, blobs, notifier, builder.ToString(), options);

            // Blobs whose last reference went away just before a crash still have rows with refcount 0.
            await writer.CollectAsync(store.UnreferencedBlobs());
            return store;
        }
        catch
        {
            if (store is not null)
            {
                await store.DisposeAsync();
            }
            else
            {
                if (connection is not null)
                {
                    await connection.DisposeAsync();
                }

                blobs.Dispose();
            }

            throw;
        }
    }

    public StoreStatistics GetStatistics() =>
        new(_writer.Commits, _writer.Operations, _blobs.Created, _blobs.Deduplicated, _blobs.Released);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _writer.DisposeAsync();
        _blobs.Dispose();
        _notifier.Dispose();

        // Pooled readers would keep the database open (and the WAL un-checkpointed) after the store is closed.
        using var connection = new SqliteConnection(_readConnectionString);
        SqliteConnection.ClearPool(connection);
    }

    private List<BlobHash> UnreferencedBlobs()
    {
        using var session = new ReadSession(_readConnectionString);
        using var command = session.Command("SELECT hash FROM blobs WHERE refcount = 0");
        using var reader = command.ExecuteReader();
        var hashes = new List<BlobHash>();
        while (reader.Read())
        {
            hashes.Add(BlobHash.Parse(reader.GetString(0)));
        }

        return hashes;
    }

    private static SqliteConnection OpenWriterConnection(string connectionString, StoreOptions options)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            var mode = connection.Scalar("PRAGMA journal_mode = WAL") as string;
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new StorageException(
                    $"SQLite could not switch {connection.DataSource} to WAL mode (it reports \"{mode}\"); put the data directory on a local file system.");
            }

            // FULL: every commit fsyncs the log, so a transaction acknowledged is a transaction kept,
            // even across power loss (NORMAL would only survive a process crash).
            connection.Execute("PRAGMA synchronous = FULL");
            connection.Execute($"PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds}");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static void CreatePrivateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(path);
        }
        else
        {
            System.IO.Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    // SQLite would create the file with the umask's permissions; mail metadata is private, and SQLite
    // gives its -wal and -shm files the permissions of the database file.
    private static void CreatePrivateFile(string path)
    {
        if (File.Exists(path))
        {
            return;
        }

        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(path, options);
        stream.Flush(flushToDisk: true);
    }
}
