using System.Diagnostics;
using Posta.Storage.Sqlite;
using Xunit.Abstractions;

namespace Posta.Storage.Tests;

public class GroupCommitTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Concurrent_appends_all_succeed_with_fewer_commits_than_appends()
    {
        await using var t = await TestStore.CreateAsync();
        var inbox = await t.InboxIdAsync();
        const int appends = 200;
        var before = t.Store.GetStatistics();

        var clock = Stopwatch.StartNew();
        var results = await Task.WhenAll(Enumerable.Range(0, appends).Select(i => Task.Run(() => t.AppendAsync(inbox, $"Subject: {i}\r\n\r\n{new string('x', 2000)}\r\n"))));
        clock.Stop();

        var after = t.Store.GetStatistics();
        var commits = after.Commits - before.Commits;
        output.WriteLine($"{appends} appends, {commits} commits, {appends / clock.Elapsed.TotalSeconds:F0} appends/s");
        Assert.Equal(Enumerable.Range(1, appends).Select(i => (uint)i), results.Select(r => r.Uid).Order());
        Assert.Equal(appends, after.WriteOperations - before.WriteOperations);
        Assert.True(commits < appends, $"{commits} commits for {appends} appends: no group commit");
        Assert.Equal(appends, (await t.Mail.FetchAsync(inbox, [UidRange.All])).Count);
    }

    [Fact]
    public async Task Writes_queued_behind_a_running_transaction_commit_together()
    {
        await using var t = await TestStore.CreateAsync();
        var inbox = await t.InboxIdAsync();
        var writer = ((SqliteStore)t.Store).Writer;
        using var gate = new ManualResetEventSlim();
        var blocker = writer.ExecuteAsync(_ => gate.Wait(TimeSpan.FromSeconds(30)));
        var before = t.Store.GetStatistics();

        var appends = Enumerable.Range(0, 50).Select(i => t.AppendAsync(inbox, $"message {i}")).ToList();
        await BlobTests.WaitForAsync(() => t.Store.GetStatistics().BlobsCreated - before.BlobsCreated == 50);
        await Task.Delay(50);
        Assert.All(appends, a => Assert.False(a.IsCompleted));
        gate.Set();
        await blocker;
        await Task.WhenAll(appends);

        var after = t.Store.GetStatistics();
        Assert.Equal(2, after.Commits - before.Commits);
    }

    [Fact]
    public async Task A_failing_operation_does_not_undo_the_others_in_its_batch()
    {
        await using var t = await TestStore.CreateAsync(userQuotaBytes: 25);
        var inbox = await t.InboxIdAsync();
        var writer = ((SqliteStore)t.Store).Writer;
        using var gate = new ManualResetEventSlim();
        var blocker = writer.ExecuteAsync(_ => gate.Wait(TimeSpan.FromSeconds(30)));

        var ok = t.AppendAsync(inbox, "ten bytes!");
        var tooBig = t.Mail.AppendAsync(inbox, new UnseekableStream(new byte[30]));
        var alsoOk = t.Mail.CreateMailboxAsync(t.UserId, "Created in the same batch");
        await BlobTests.WaitForAsync(() => t.Store.GetStatistics().BlobsCreated == 2);
        gate.Set();
        await blocker;

        await ok;
        await Assert.ThrowsAsync<QuotaExceededException>(() => tooBig);
        await alsoOk;
        Assert.Single(await t.Mail.FetchAsync(inbox, [UidRange.All]));
        Assert.Equal(10, (await t.Mail.GetQuotaAsync(t.UserId)).UsedBytes);
    }

    [Fact]
    public async Task A_write_cancelled_while_queued_does_not_happen()
    {
        await using var t = await TestStore.CreateAsync();
        var writer = ((SqliteStore)t.Store).Writer;
        using var gate = new ManualResetEventSlim();
        var blocker = writer.ExecuteAsync(_ => gate.Wait(TimeSpan.FromSeconds(30)));
        using var cancel = new CancellationTokenSource();

        var create = t.Mail.CreateMailboxAsync(t.UserId, "Never", cancellationToken: cancel.Token);
        await cancel.CancelAsync();
        gate.Set();
        await blocker;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => create);
        await t.Mail.CreateMailboxAsync(t.UserId, "After");
        Assert.Null(await t.Mail.GetMailboxAsync(t.UserId, "Never"));
    }
}
