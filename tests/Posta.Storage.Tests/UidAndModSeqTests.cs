namespace Posta.Storage.Tests;

public class UidAndModSeqTests
{
    [Fact]
    public async Task UIDs_ascend_and_every_append_raises_HIGHESTMODSEQ()
    {
        await using var t = await TestStore.CreateAsync();
        var inbox = await t.MailboxAsync("INBOX");

        var results = new List<AppendResult>();
        for (var i = 0; i < 5; i++)
        {
            results.Add(await t.AppendAsync(inbox.Id, $"message {i}"));
        }

        Assert.Equal([1u, 2u, 3u, 4u, 5u], results.Select(r => r.Uid));
        Assert.All(results, r => Assert.Equal(inbox.UidValidity, r.UidValidity));
        Assert.Equal(results.Select(r => r.ModSeq).Order(), results.Select(r => r.ModSeq));
        Assert.Equal(5, results.Select(r => r.ModSeq).Distinct().Count());
        Assert.True(results[0].ModSeq > inbox.HighestModSeq);
        var after = await t.MailboxAsync("INBOX");
        Assert.Equal(6u, after.UidNext);
        Assert.Equal(results[^1].ModSeq, after.HighestModSeq);
    }

    [Fact]
    public async Task UIDs_are_not_reused_after_expunge_and_reopen()
    {
        await using var t = await TestStore.CreateAsync();
        var inbox = await t.InboxIdAsync();
        await t.AppendAsync(inbox, "a");
        await t.AppendAsync(inbox, "b");
        await t.AppendAsync(inbox, "c");
        await t.Mail.StoreFlagsAsync(inbox, [new UidRange(2, 3)], new FlagChange(FlagChangeMode.Add, MessageFlags.Deleted));
        var expunged = await t.Mail.ExpungeAsync(inbox);
        Assert.Equal([2u, 3u], expunged.Uids);

        await t.ReopenAsync();
        var next = await t.AppendAsync(inbox, "d");

        Assert.Equal(4u, next.Uid);
        Assert.Equal([1u, 4u], (await t.Mail.FetchAsync(inbox, [UidRange.All])).Select(m => m.Uid));
        Assert.Equal(5u, (await t.MailboxAsync("INBOX")).UidNext);
    }

    [Fact]
    public async Task Expunging_everything_and_reopening_keeps_UIDNEXT_and_HIGHESTMODSEQ()
    {
        await using var t = await TestStore.CreateAsync();
        var inbox = await t.InboxIdAsync();
        await t.AppendAsync(inbox, "a", new AppendOptions { Flags = MessageFlags.Deleted });
        var expunge = await t.Mail.ExpungeAsync(inbox);

        await t.ReopenAsync();
        var after = await t.MailboxAsync("INBOX");

        Assert.Equal(2u, after.UidNext);
        Assert.Equal(expunge.HighestModSeq, after.HighestModSeq);
        Assert.True((await t.AppendAsync(inbox, "b")).ModSeq > expunge.HighestModSeq);
    }

    [Fact]
    public async Task Flag_changes_and_expunges_each_take_a_new_higher_modseq()
    {
        await using var t = await TestStore.CreateAsync();
        var inbox = await t.InboxIdAsync();
        var appended = await t.AppendAsync(inbox, "a");

        var seen = await t.Mail.StoreFlagsAsync(inbox, [UidRange.Single(appended.Uid)], new FlagChange(FlagChangeMode.Add, MessageFlags.Seen));
        var deleted = await t.Mail.StoreFlagsAsync(inbox, [UidRange.Single(appended.Uid)], new FlagChange(FlagChangeMode.Add, MessageFlags.Deleted));
        var expunged = await t.Mail.ExpungeAsync(inbox);

        Assert.True(seen.ModSeq > appended.ModSeq);
        Assert.True(deleted.ModSeq > seen.ModSeq);
        Assert.True(expunged.HighestModSeq > deleted.ModSeq);
        Assert.Equal(expunged.HighestModSeq, (await t.MailboxAsync("INBOX")).HighestModSeq);
    }

    [Fact]
    public async Task An_expunge_with_nothing_to_remove_changes_nothing()
    {
        await using var t = await TestStore.CreateAsync();
        var inbox = await t.InboxIdAsync();
        var appended = await t.AppendAsync(inbox, "a");

        var result = await t.Mail.ExpungeAsync(inbox);

        Assert.Empty(result.Uids);
        Assert.Equal(appended.ModSeq, result.HighestModSeq);
    }

    [Fact]
    public async Task UID_EXPUNGE_removes_only_deleted_messages_in_the_given_ranges()
    {
        await using var t = await TestStore.CreateAsync();
        var inbox = await t.InboxIdAsync();
        for (var i = 0; i < 4; i++)
        {
            await t.AppendAsync(inbox, $"m{i}", new AppendOptions { Flags = i == 1 ? MessageFlags.None : MessageFlags.Deleted });
        }

        var result = await t.Mail.ExpungeAsync(inbox, [new UidRange(1, 2), UidRange.Single(4)]);

        Assert.Equal([1u, 4u], result.Uids);
        Assert.Equal([2u, 3u], (await t.Mail.FetchAsync(inbox, [UidRange.All])).Select(m => m.Uid));
    }

    [Fact]
    public async Task Fetch_merges_overlapping_ranges_and_returns_metadata()
    {
        await using var t = await TestStore.CreateAsync();
        var inbox = await t.InboxIdAsync();
        var date = new DateTimeOffset(2024, 2, 29, 23, 59, 58, TimeSpan.FromHours(-7));
        for (var i = 0; i < 6; i++)
        {
            await t.AppendAsync(inbox, $"body {i}", new AppendOptions { InternalDate = date, Flags = MessageFlags.Draft, Keywords = ["$Label1"] });
        }

        var messages = await t.Mail.FetchAsync(inbox, [new UidRange(5, 3), new UidRange(2, 4), UidRange.Single(6), UidRange.Single(99)]);

        Assert.Equal([2u, 3u, 4u, 5u, 6u], messages.Select(m => m.Uid));
        var first = messages[0];
        Assert.Equal(date, first.InternalDate);
        Assert.Equal(date.Offset, first.InternalDate.Offset);
        Assert.Equal(MessageFlags.Draft, first.Flags);
        Assert.Equal(["$Label1"], first.Keywords);
        Assert.Equal("body 1".Length, first.Size);
        Assert.Equal(TestStore.Sha256Hex("body 1"), first.BlobHash.Hex);
    }

    [Fact]
    public async Task Operations_on_a_deleted_mailbox_say_so()
    {
        await using var t = await TestStore.CreateAsync();
        var box = await t.Mail.CreateMailboxAsync(t.UserId, "Gone");
        await t.Mail.DeleteMailboxAsync(t.UserId, "Gone");

        await Assert.ThrowsAsync<MailboxNotFoundException>(() => t.AppendAsync(box.Id, "x"));
        await Assert.ThrowsAsync<MailboxNotFoundException>(async () => await t.Mail.FetchAsync(box.Id, [UidRange.All]));
        await Assert.ThrowsAsync<MailboxNotFoundException>(() => t.Mail.ExpungeAsync(box.Id));
        await Assert.ThrowsAsync<MailboxNotFoundException>(async () => await t.Mail.GetChangesAsync(box.Id, 0));
        Assert.Null(await t.Mail.GetMailboxByIdAsync(box.Id));
    }
}
