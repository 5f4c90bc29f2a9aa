using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Posta.Storage.Directory;
using Posta.Storage.Queue;
using Xunit.Abstractions;

namespace Posta.Storage.Tests;

/// <summary>
/// Every append or enqueue acknowledged before a <c>kill -9</c> is there afterwards, with intact
/// bytes. The writing process is Posta.Storage.Crasher, built alongside these tests.
/// </summary>
public class CrashTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_acknowledged_append_survives_SIGKILL()
    {
        using var directory = new TemporaryDirectory();
        var options = new StoreOptions { DataDirectory = directory.Path };
        long inbox;
        long userId;
        await using (var store = await StoreFactory.OpenAsync(options))
        {
            await store.Directory.AddDomainAsync("example.org");
            userId = (await store.Directory.AddUserAsync(new NewUser("crash@example.org", "example.org", "{PLAIN}x"))).Id;
            inbox = (await store.Mail.GetMailboxAsync(userId, "INBOX"))!.Id;
        }

        var acked = new Dictionary<uint, string>();
        for (var run = 0; run < 3; run++)
        {
            var thisRun = await RunAndKillAsync([directory.Path, inbox.ToString(CultureInfo.InvariantCulture), "4"], minimumAcks: 40 + (run * 20), ParseAppend);
            Assert.NotEmpty(thisRun);
            if (acked.Count > 0)
            {
                // A UID acknowledged before a crash is never handed out again after it.
                Assert.True(thisRun.Keys.Min() > acked.Keys.Max(), "a UID was reused after the crash");
            }

            foreach (var (uid, hash) in thisRun)
            {
                acked.Add(uid, hash);
            }

            await using var store = await StoreFactory.OpenAsync(options);
            var stored = (await store.Mail.FetchAsync(inbox, [UidRange.All])).ToDictionary(m => m.Uid);
            foreach (var (uid, hash) in acked)
            {
                Assert.True(stored.TryGetValue(uid, out var message), $"acknowledged UID {uid} is missing after kill -9 (run {run})");
                Assert.Equal(hash, message.BlobHash.Hex);
                await using var bytes = await store.Blobs.OpenReadAsync(message.BlobHash);
                Assert.Equal(hash, Convert.ToHexStringLower(await SHA256.HashDataAsync(bytes)));
            }

            var quota = await store.Mail.GetQuotaAsync(userId);
            Assert.Equal(stored.Count, quota.MessageCount);
            Assert.Equal(stored.Values.Sum(m => m.Size), quota.UsedBytes);
            output.WriteLine($"run {run}: {thisRun.Count} acknowledged, {stored.Count} stored in total");
        }

        await using var check = new SqliteConnection($"Data Source={Path.Combine(directory.Path, "metadata.db")};Pooling=False");
        await check.OpenAsync();
        await using var command = check.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Every_acknowledged_enqueue_survives_SIGKILL()
    {
        using var directory = new TemporaryDirectory();
        var options = new StoreOptions { DataDirectory = directory.Path };
        var acked = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var run = 0; run < 2; run++)
        {
            var thisRun = await RunAndKillAsync(["--queue", directory.Path, "4"], minimumAcks: 40, ParseEnqueue);
            foreach (var (queueId, hash) in thisRun)
            {
                acked.Add(queueId, hash);
            }

            await using var store = await StoreFactory.OpenAsync(options);
            var queued = (await store.Queue.ListAsync()).ToDictionary(m => m.Envelope.QueueId, StringComparer.Ordinal);
            foreach (var (queueId, hash) in acked)
            {
                Assert.True(queued.TryGetValue(queueId, out var message), $"acknowledged queue id {queueId} is missing after kill -9 (run {run})");
                Assert.Equal(QueueRecipientState.Pending, Assert.Single(message.Recipients).State);
                await using var bytes = await store.Queue.OpenContentAsync(message.MessageId);
                Assert.Equal(hash, Convert.ToHexStringLower(await SHA256.HashDataAsync(bytes)));
            }

            output.WriteLine($"run {run}: {thisRun.Count} acknowledged, {queued.Count} queued in total");
        }

        await using var check = new SqliteConnection($"Data Source={Path.Combine(directory.Path, "metadata.db")};Pooling=False");
        await check.OpenAsync();
        await using var command = check.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", await command.ExecuteScalarAsync());

        // Each queued message holds one reference to its blob, and nothing else does: an enqueue
        // killed before its commit left no reference behind.
        command.CommandText =
            """
            SELECT count(*) FROM blobs b
            WHERE b.refcount <> (SELECT count(*) FROM queue_messages q WHERE q.blob_hash = b.hash)
            """;
        Assert.Equal(0L, await command.ExecuteScalarAsync());
    }

    private async Task<Dictionary<TKey, string>> RunAndKillAsync<TKey>(IReadOnlyList<string> arguments, int minimumAcks, Func<string, (TKey Key, string Hash)?> parse)
        where TKey : notnull
    {
        var crasher = Path.Combine(AppContext.BaseDirectory, "Posta.Storage.Crasher.dll");
        Assert.True(File.Exists(crasher), $"{crasher} was not built with the tests");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { crasher }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var lines = new BlockingCollection<string>();
        var stderr = process.StandardError.ReadToEndAsync();
        var reader = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                lines.Add(line);
            }

            lines.CompleteAdding();
        });

        var acked = new Dictionary<TKey, string>();
        var deadline = Stopwatch.StartNew();
        try
        {
            while (acked.Count < minimumAcks && deadline.Elapsed < TimeSpan.FromSeconds(90))
            {
                if (!lines.TryTake(out var line, TimeSpan.FromSeconds(1)))
                {
                    if (lines.IsCompleted)
                    {
                        Assert.Fail($"the crasher exited early: {await stderr}");
                    }

                    continue;
                }

                if (parse(line) is { } ack)
                {
                    acked.Add(ack.Key, ack.Hash);
                }
            }

            // Kill at an arbitrary moment of the append loop, not right after an acknowledgement.
            await Task.Delay(Random.Shared.Next(0, 20));
        }
        finally
        {
            process.Kill(); // SIGKILL on Unix: no finaliser, no flush, no dispose runs.
            await process.WaitForExitAsync();
        }

        await reader;
        foreach (var line in lines)
        {
            if (parse(line) is { } ack)
            {
                acked.Add(ack.Key, ack.Hash);
            }
        }

        var errors = await stderr;
        Assert.True(acked.Count >= minimumAcks, $"only {acked.Count} writes acknowledged: {errors}");
        return acked;
    }

    /// <summary>A complete "acked UID HASH" line; a line cut by the kill is not an acknowledgement the test can check.</summary>
    private static (uint Key, string Hash)? ParseAppend(string line)
    {
        var parts = line.Split(' ');
        return parts is ["acked", var uid, var hash] && uint.TryParse(uid, CultureInfo.InvariantCulture, out var value) && BlobHash.TryParse(hash, out _)
            ? (value, hash)
            : null;
    }

    /// <summary>A complete "queued QUEUE-ID HASH" line.</summary>
    private static (string Key, string Hash)? ParseEnqueue(string line)
    {
        var parts = line.Split(' ');
        return parts is ["queued", var queueId, var hash] && queueId.Length == 16 && BlobHash.TryParse(hash, out _)
            ? (queueId, hash)
            : null;
    }
}
