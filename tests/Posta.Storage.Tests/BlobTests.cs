using System.Security.Cryptography;
using System.Text;

namespace Posta.Storage.Tests;

public class BlobTests
{
    [Fact]
    public async Task A_blob_is_named_by_the_SHA256_of_its_bytes_and_private()
    {
        await using var t = await TestStore.CreateAsync();

        var result = await t.AppendAsync(await t.InboxIdAsync(), "Subject: hi\r\n\r\nhello\r\n");

        var path = t.BlobPath(result.BlobHash);
        Assert.Equal(TestStore.Sha256Hex("Subject: hi\r\n\r\nhello\r\n"), result.BlobHash.Hex);
        Assert.Equal([path], t.BlobFiles());
        Assert.Equal("Subject: hi\r\n\r\nhello\r\n", await File.ReadAllTextAsync(path));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(t.DataDirectory, "metadata.db")));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(t.DataDirectory));
        }

        await using var stream = await t.Store.Blobs.OpenReadAsync(result.BlobHash);
        Assert.Equal(result.BlobHash.Hex, Convert.ToHexStringLower(await SHA256.HashDataAsync(stream)));
    }

    [Fact]
    public async Task The_same_content_twice_is_one_file_and_goes_only_with_its_last_reference()
    {
        await using var t = await TestStore.CreateAsync();
        var inbox = await t.InboxIdAsync();

        var first = await t.AppendAsync(inbox, "same bytes");
        var lastWrite = File.GetLastWriteTimeUtc(t.BlobPath(first.BlobHash));
        var second = await t.AppendAsync(inbox, "same bytes");

        Assert.Equal(first.BlobHash, second.BlobHash);
        Assert.Single(t.BlobFiles());
        Assert.Equal(lastWrite, File.GetLastWriteTimeUtc(t.BlobPath(first.BlobHash)));
        Assert.Equal(2, await RefcountAsync(t, first.BlobHash));
        var stats = t.Store.GetStatistics();
        Assert.Equal((1, 1), (stats.BlobsCreated, stats.BlobsDeduplicated));

        await t.Mail.StoreFlagsAsync(inbox, [UidRange.Single(first.Uid)], new FlagChange(FlagChangeMode.Add, MessageFlags.Deleted));
        await t.Mail.ExpungeAsync(inbox);
        await t.ReopenAsync();
        Assert.True(File.Exists(t.BlobPath(first.BlobHash)));
        Assert.Equal(1, await RefcountAsync(t, first.BlobHash));

        await t.Mail.StoreFlagsAsync(inbox, [UidRange.Single(second.Uid)], new FlagChange(FlagChangeMode.Add, MessageFlags.Deleted));
        await t.Mail.ExpungeAsync(inbox);
        await WaitForAsync(() => !File.Exists(t.BlobPath(first.BlobHash)));
        Assert.Empty(t.BlobFiles());
        await t.ReopenAsync();
        Assert.Null(await RefcountAsync(t, first.BlobHash));
    }

    [Fact]
    public async Task Copies_share_the_blob_and_deleting_the_mailbox_releases_it()
    {
        await using var t = await TestStore.CreateAsync();
        var inbox = await t.InboxIdAsync();
        var box = await t.Mail.CreateMailboxAsync(t.UserId, "Keep");
        var appended = await t.AppendAsync(inbox, "shared");
        await t.Mail.CopyAsync(inbox, [UidRange.All], box.Id);
        await t.Mail.CopyAsync(inbox, [UidRange.All], box.Id);
        Assert.Equal(3, await RefcountAsync(t, appended.BlobHash));

        await t.Mail.DeleteMailboxAsync(t.UserId, "Keep");
        Assert.Equal(1, await RefcountAsync(t, appended.BlobHash));
        Assert.True(File.Exists(t.BlobPath(appended.BlobHash)));

        await t.Mail.MoveAsync(inbox, [UidRange.All], (await t.MailboxAsync("Trash")).Id);
        Assert.Equal(1, await RefcountAsync(t, appended.BlobHash));

        await t.Mail.DeleteMailboxAsync(t.UserId, "Trash");
        await WaitForAsync(() => !File.Exists(t.BlobPath(appended.BlobHash)));
    }

    [Fact]
    public async Task A_release_racing_an_append_of_the_same_content_never_loses_the_new_message()
    {
        await using var t = await TestStore.CreateAsync();
        var inbox = await t.InboxIdAsync();
        var body = Encoding.UTF8.GetBytes("contended content");

        for (var round = 0; round < 30; round++)
        {
            var old = await t.Mail.AppendAsync(inbox, new MemoryStream(body), new AppendOptions { Flags = MessageFlags.Deleted });
            var expunge = t.Mail.ExpungeAsync(inbox, [UidRange.Single(old.Uid)]);
            var append = t.Mail.AppendAsync(inbox, new MemoryStream(body));
            await Task.WhenAll(expunge, append);
            var appended = await append;

            Assert.True(File.Exists(t.BlobPath(appended.BlobHash)), $"round {round}: the blob of a committed message is gone");
            Assert.Equal(1, await RefcountAsync(t, appended.BlobHash));

            // Remove the survivor too, so the next round starts from an unreferenced blob again.
            await t.Mail.StoreFlagsAsync(inbox, [UidRange.Single(appended.Uid)], new FlagChange(FlagChangeMode.Add, MessageFlags.Deleted));
            await t.Mail.ExpungeAsync(inbox);
        }
    }

    [Fact]
    public async Task A_staged_blob_puts_back_bytes_released_before_its_reference_committed()
    {
        await using var t = await TestStore.CreateAsync();

        await using var staged = await t.Store.Blobs.PutAsync(new MemoryStream("bytes"u8.ToArray()));
        t.Store.Blobs.Release(staged.Hash);
        Assert.False(t.Store.Blobs.Exists(staged.Hash));

        staged.EnsureStored();

        Assert.True(t.Store.Blobs.Exists(staged.Hash));
        Assert.Equal("bytes", await File.ReadAllTextAsync(t.BlobPath(staged.Hash)));
    }

    [Fact]
    public async Task Reading_a_missing_blob_is_a_typed_error()
    {
        await using var t = await TestStore.CreateAsync();

        await Assert.ThrowsAsync<BlobNotFoundException>(async () => await t.Store.Blobs.OpenReadAsync(BlobHash.FromDigest(new byte[32])));
    }

    [Fact]
    public async Task Temporary_files_of_a_crashed_put_are_swept_at_open()
    {
        await using var t = await TestStore.CreateAsync();
        var stale = Path.Combine(t.BlobRoot, "tmp", "leftover");
        await File.WriteAllTextAsync(stale, "partial");
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddDays(-1));
        var fresh = Path.Combine(t.BlobRoot, "tmp", "in-progress");
        await File.WriteAllTextAsync(fresh, "partial");

        await t.ReopenAsync();

        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(fresh));
    }

    [Theory]
    [InlineData("../../../../etc/passwd")]
    [InlineData("ABCDEF")]
    [InlineData("zz00000000000000000000000000000000000000000000000000000000000000")]
    public void A_blob_hash_is_only_ever_64_hex_digits(string text)
    {
        Assert.False(BlobHash.TryParse(text, out _));
        Assert.Throws<FormatException>(() => BlobHash.Parse(text));
    }

    internal static async Task<long?> RefcountAsync(TestStore t, BlobHash hash)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(t.DataDirectory, "metadata.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT refcount FROM blobs WHERE hash = $hash";
        command.Parameters.AddWithValue("$hash", hash.Hex);
        return await command.ExecuteScalarAsync() is long value ? value : null;
    }

    /// <summary>Blob release runs right after the commit that dropped the last reference; give it a moment.</summary>
    internal static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }
}
