namespace Posta.Storage.Tests;

public class QuotaTests
{
    [Fact]
    public async Task Usage_follows_appends_copies_expunges_and_mailbox_deletion()
    {
        await using var t = await TestStore.CreateAsync();
        var inbox = await t.InboxIdAsync();
        var box = await t.Mail.CreateMailboxAsync(t.UserId, "Box");

        await t.AppendAsync(inbox, "12345");
        await t.AppendAsync(inbox, "123", new AppendOptions { Flags = MessageFlags.Deleted });
        Assert.Equal((8, 2), await UsageAsync(t));

        await t.Mail.CopyAsync(inbox, [UidRange.All], box.Id);
        Assert.Equal((16, 4), await UsageAsync(t));

        await t.Mail.ExpungeAsync(inbox);
        Assert.Equal((13, 3), await UsageAsync(t));

        await t.Mail.MoveAsync(inbox, [UidRange.All], box.Id);
        Assert.Equal((13, 3), await UsageAsync(t));

        await t.Mail.DeleteMailboxAsync(t.UserId, "Box");
        Assert.Equal((0, 0), await UsageAsync(t));

        await t.ReopenAsync();
        Assert.Equal((0, 0), await UsageAsync(t));
    }

    [Fact]
    public async Task An_append_over_quota_fails_and_writes_nothing()
    {
        await using var t = await TestStore.CreateAsync(userQuotaBytes: 10);
        var inbox = await t.MailboxAsync("INBOX");
        await t.AppendAsync(inbox.Id, "1234567");

        var error = await Assert.ThrowsAsync<QuotaExceededException>(() => t.AppendAsync(inbox.Id, "1234"));

        Assert.Equal((7L, 4L, 10L), (error.UsedBytes, error.RequestedBytes, error.LimitBytes));
        Assert.Equal((7, 1), await UsageAsync(t));
        var after = await t.MailboxAsync("INBOX");
        Assert.Equal(inbox.UidNext + 1, after.UidNext);
        Assert.Single(await t.Mail.FetchAsync(inbox.Id, [UidRange.All]));
        await BlobTests.WaitForAsync(() => t.BlobFiles().Count == 1);

        Assert.Equal(2u, (await t.AppendAsync(inbox.Id, "123")).Uid);
        Assert.Equal(10, (await t.Mail.GetQuotaAsync(t.UserId)).UsedBytes);
    }

    [Fact]
    public async Task A_stream_of_unknown_length_over_quota_is_refused_by_the_writer_and_its_bytes_released()
    {
        await using var t = await TestStore.CreateAsync(userQuotaBytes: 5);
        var inbox = await t.InboxIdAsync();

        await Assert.ThrowsAsync<QuotaExceededException>(() =>
            t.Mail.AppendAsync(inbox, new UnseekableStream("more than five bytes"u8.ToArray())));

        await BlobTests.WaitForAsync(() => t.BlobFiles().Count == 0);
        Assert.Equal((0, 0), await UsageAsync(t));
        Assert.Equal(1u, (await t.MailboxAsync("INBOX")).UidNext);
    }

    [Fact]
    public async Task The_default_quota_applies_to_users_without_their_own()
    {
        await using var t = await TestStore.CreateAsync(defaultQuotaBytes: 4);
        var inbox = await t.InboxIdAsync();
        var generous = await t.AddUserAsync("bob@example.org", quotaBytes: 1000);

        Assert.Equal(4, (await t.Mail.GetQuotaAsync(t.UserId)).LimitBytes);
        await Assert.ThrowsAsync<QuotaExceededException>(() => t.AppendAsync(inbox, "12345"));
        await t.AppendAsync(await t.InboxIdAsync(generous), "12345");

        await t.Directory.UpdateUserAsync("alice@example.org", 100, disabled: false);
        await t.AppendAsync(inbox, "12345");
        Assert.Equal(100, (await t.Mail.GetQuotaAsync(t.UserId)).LimitBytes);
    }

    [Fact]
    public async Task No_quota_means_no_limit()
    {
        await using var t = await TestStore.CreateAsync();

        await t.AppendAsync(await t.InboxIdAsync(), new string('x', 100_000));

        Assert.Null((await t.Mail.GetQuotaAsync(t.UserId)).LimitBytes);
        await Assert.ThrowsAsync<UserNotFoundException>(async () => await t.Mail.GetQuotaAsync(4242));
    }

    [Fact]
    public async Task A_copy_over_quota_copies_nothing_but_a_move_within_the_user_is_allowed()
    {
        await using var t = await TestStore.CreateAsync(userQuotaBytes: 10);
        var inbox = await t.InboxIdAsync();
        var trash = (await t.MailboxAsync("Trash")).Id;
        await t.AppendAsync(inbox, "123456");

        await Assert.ThrowsAsync<QuotaExceededException>(() => t.Mail.CopyAsync(inbox, [UidRange.All], trash));
        Assert.Empty(await t.Mail.FetchAsync(trash, [UidRange.All]));

        var moved = await t.Mail.MoveAsync(inbox, [UidRange.All], trash);
        Assert.Single(moved.TargetUids);
        Assert.Equal((6, 1), await UsageAsync(t));
    }

    [Fact]
    public async Task Concurrent_appends_cannot_overshoot_the_quota_together()
    {
        await using var t = await TestStore.CreateAsync(userQuotaBytes: 100);
        var inbox = await t.InboxIdAsync();

        var attempts = Enumerable.Range(0, 20).Select(i => t.AppendAsync(inbox, $"{i:D2}-" + new string('x', 17))).ToList();
        var outcomes = await Task.WhenAll(attempts.Select(async a =>
        {
            try
            {
                await a;
                return true;
            }
            catch (QuotaExceededException)
            {
                return false;
            }
        }));

        Assert.Equal(5, outcomes.Count(ok => ok));
        Assert.Equal((100, 5), await UsageAsync(t));
    }

    private static async Task<(long Bytes, long Messages)> UsageAsync(TestStore t)
    {
        var usage = await t.Mail.GetQuotaAsync(t.UserId);
        return (usage.UsedBytes, usage.MessageCount);
    }
}
