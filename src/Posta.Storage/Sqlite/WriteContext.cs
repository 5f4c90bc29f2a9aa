using Microsoft.Data.Sqlite;

namespace Posta.Storage.Sqlite;

/// <summary>
/// What a write operation sees inside the writer's transaction: the connection with its prepared
/// statements, the clock, and the effects that may only happen after the commit (notifications and
/// the release of blobs that lost their last reference).
/// </summary>
internal sealed class WriteContext(SqliteConnection connection, StoreOptions options) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private readonly List<MailboxChange> _changes = [];
    private readonly List<BlobHash> _unreferenced = [];

    public SqliteConnection Connection { get; } = connection;

    public StoreOptions Options { get; } = options;

    public DateTimeOffset Now => Options.TimeProvider.GetUtcNow();

    public IReadOnlyList<MailboxChange> Changes => _changes;

    public IReadOnlyList<BlobHash> Unreferenced => _unreferenced;

    /// <summary>
    /// A prepared statement for <paramref name="sql"/> with no parameters bound. The same statement is
    /// handed out again for the same text, so finish with a reader before issuing that SQL again.
    /// </summary>
    public SqliteCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            _commands[sql] = command;
        }

        command.Parameters.Clear();
        return command;
    }

    /// <summary>Announces a change once the transaction commits.</summary>
    public void Notify(long userId, long mailboxId, MailboxChangeKind kind, ulong highestModSeq) =>
        _changes.Add(new MailboxChange(userId, mailboxId, kind, highestModSeq));

    /// <summary>Asks for a blob to be released after the commit if it is still unreferenced then.</summary>
    public void MarkUnreferenced(BlobHash hash) => _unreferenced.Add(hash);

    /// <summary>Remembers where the current operation's effects start, to drop them if it rolls back.</summary>
    public (int Changes, int Unreferenced) Mark() => (_changes.Count, _unreferenced.Count);

    public void RollBackTo((int Changes, int Unreferenced) mark)
    {
        _changes.RemoveRange(mark.Changes, _changes.Count - mark.Changes);
        _unreferenced.RemoveRange(mark.Unreferenced, _unreferenced.Count - mark.Unreferenced);
    }

    public void ClearEffects()
    {
        _changes.Clear();
        _unreferenced.Clear();
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
    }
}
