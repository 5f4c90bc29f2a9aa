using Microsoft.Data.Sqlite;

namespace Posta.Storage.Sqlite;

/// <summary>
/// A pooled reader connection inside a read transaction, so every query of one call sees the same
/// committed snapshot while the writer goes on (WAL readers never block the writer or each other).
/// </summary>
internal sealed class ReadSession : IDisposable
{
    private readonly SqliteConnection _connection;

    public ReadSession(string connectionString)
    {
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        _connection.Execute("BEGIN");
    }

    public SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    public void Dispose()
    {
        try
        {
            _connection.Execute("ROLLBACK");
        }
        finally
        {
            _connection.Dispose();
        }
    }
}
