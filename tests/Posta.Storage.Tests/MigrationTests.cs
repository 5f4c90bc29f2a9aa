using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Posta.Storage.Sqlite;

namespace Posta.Storage.Tests;

public class MigrationTests
{
    [Fact]
    public void There_are_several_ordered_steps()
    {
        Assert.True(SchemaMigrations.All.Count >= 2);
        Assert.Equal(Enumerable.Range(1, SchemaMigrations.All.Count), SchemaMigrations.All.Select(m => m.Version));
    }

    [Fact]
    public async Task A_version_1_data_directory_is_upgraded_in_place_and_keeps_its_data()
    {
        using var directory = new TemporaryDirectory();
        var body = "Subject: from the old days\r\n\r\nhello\r\n";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
        var databasePath = Path.Combine(directory.Path, SqliteStore.DatabaseFileName);
        await using (var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            SchemaMigrations.Migrate(connection, targetVersion: 1);
            Execute(connection, """
                INSERT INTO domains (id, name, created) VALUES (1, 'example.org', 0);
                INSERT INTO users (id, address, domain_id, password_hash, quota_bytes, created, used_bytes, message_count, last_uid_validity)
                    VALUES (7, 'old@example.org', 1, '{PLAIN}x', 1000000, 0, 37, 1, 1600000001);
                INSERT INTO mailboxes (id, user_id, name, uid_validity, uid_next, highest_modseq, special_use, subscribed, created) VALUES
                    (1, 7, 'INBOX', 1600000000, 42, 90, 0, 1, 0),
                    (2, 7, 'Unsubscribed', 1600000001, 1, 1, 0, 0, 0);
                INSERT INTO blobs (hash, size, refcount) VALUES ('{HASH}', 37, 1);
                INSERT INTO messages (mailbox_id, uid, modseq, flags, keywords, internal_date, internal_date_offset, size, blob_hash)
                    VALUES (1, 41, 90, 1, 'Old', 1600000000000, 60, 37, '{HASH}');
                INSERT INTO expunged (mailbox_id, uid, modseq) VALUES (1, 40, 89);
                """.Replace("{HASH}", hash, StringComparison.Ordinal));
        }

        var blobDirectory = Path.Combine(directory.Path, SqliteStore.BlobDirectoryName, hash[..2], hash[2..4]);
        System.IO.Directory.CreateDirectory(blobDirectory);
        await File.WriteAllTextAsync(Path.Combine(blobDirectory, hash), body);

        await using (var store = await StoreFactory.OpenAsync(new StoreOptions { DataDirectory = directory.Path }))
        {
            var mailboxes = await store.Mail.ListMailboxesAsync(7);
            Assert.Equal([("INBOX", true), ("Unsubscribed", false)], mailboxes.Select(m => (m.Name, m.Subscribed)));
            Assert.Equal(["INBOX"], await store.Mail.ListSubscriptionsAsync(7));

            var inbox = mailboxes[0];
            Assert.Equal((1600000000u, 42u, 90ul), (inbox.UidValidity, inbox.UidNext, inbox.HighestModSeq));
            var old = (await store.Mail.FetchAsync(inbox.Id, [UidRange.All])).Single();
            Assert.Equal((41u, MessageFlags.Seen, TimeSpan.FromHours(1)), (old.Uid, old.Flags, old.InternalDate.Offset));
            Assert.Equal(["Old"], old.Keywords);
            await using (var stream = await store.Blobs.OpenReadAsync(old.BlobHash))
            {
                Assert.Equal(body, await new StreamReader(stream).ReadToEndAsync());
            }

            Assert.Equal([40u], (await store.Mail.GetChangesAsync(inbox.Id, 88)).Vanished);
            Assert.Equal((37L, 1L, 1000000L), await QuotaAsync(store, 7));

            // The upgraded schema takes new writes with the IMAP counters carried on.
            var appended = await store.Mail.AppendAsync(inbox.Id, new MemoryStream("new"u8.ToArray()));
            Assert.Equal((42u, 91ul), (appended.Uid, appended.ModSeq));
            await store.Mail.SetSubscribedAsync(7, "Unsubscribed", true);
            var created = await store.Mail.CreateMailboxAsync(7, "Newer");
            Assert.True(created.UidValidity > 1600000001);
        }

        await using var check = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await check.OpenAsync();
        Assert.Equal((long)SchemaMigrations.LatestVersion, Scalar(check, "PRAGMA user_version"));
        Assert.Equal(0L, Scalar(check, "SELECT count(*) FROM pragma_table_info('mailboxes') WHERE name = 'subscribed'"));
        Assert.Equal(3L, Scalar(check, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN ('messages_modseq', 'expunged_modseq', 'blobs_unreferenced')"));
        Assert.Equal("ok", Scalar(check, "PRAGMA integrity_check"));
        Assert.Equal(0L, Scalar(check, "SELECT count(*) FROM pragma_foreign_key_check"));
    }

    [Fact]
    public async Task A_database_newer_than_the_code_is_refused_and_left_alone()
    {
        using var directory = new TemporaryDirectory();
        var databasePath = Path.Combine(directory.Path, SqliteStore.DatabaseFileName);
        await using (var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            SchemaMigrations.Migrate(connection);
            Execute(connection, $"PRAGMA user_version = {SchemaMigrations.LatestVersion + 1}");
        }

        var error = await Assert.ThrowsAsync<SchemaVersionException>(() => StoreFactory.OpenAsync(new StoreOptions { DataDirectory = directory.Path }));

        Assert.Contains("newer", error.Message, StringComparison.Ordinal);
        await using var check = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await check.OpenAsync();
        Assert.Equal((long)SchemaMigrations.LatestVersion + 1, Scalar(check, "PRAGMA user_version"));
    }

    [Fact]
    public async Task Opening_a_current_database_again_changes_nothing()
    {
        await using var t = await TestStore.CreateAsync();
        await t.AppendAsync(await t.InboxIdAsync(), "x");

        await t.ReopenAsync();
        await t.ReopenAsync();

        Assert.Single(await t.Mail.FetchAsync(await t.InboxIdAsync(), [UidRange.All]));
    }

    private static async Task<(long, long, long)> QuotaAsync(IStore store, long userId)
    {
        var quota = await store.Mail.GetQuotaAsync(userId);
        return (quota.UsedBytes, quota.MessageCount, quota.LimitBytes!.Value);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
