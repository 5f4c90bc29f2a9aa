namespace Posta.Storage.Sqlite;

/// <summary>One schema step: the SQL that takes the database from <c>Version - 1</c> to <see cref="Version"/>.</summary>
internal sealed record Migration(int Version, string Description, string Sql);
