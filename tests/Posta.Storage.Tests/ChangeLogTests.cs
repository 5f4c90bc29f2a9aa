namespace Posta.Storage.Tests;

public class ChangeLogTests
{
    [Fact]
    public async Task Changes_since_a_modseq_list_changed_messages_and_vanished_UIDs()
    {
        await using var t = await TestStore.CreateAsync();
        var inbox = await t.InboxIdAsync();
        var a = await t.AppendAsync(inbox, "a");
        var b = await t.AppendAsync(inbox, "b");
        var c = await t.AppendAsync(inbox, "c", new AppendOptions { Flags = MessageFlags.Deleted });
        var snapshot = c.ModSeq;

        await t.Mail.StoreFlagsAsync(inbox, [UidRange.Single(a.Uid)], new FlagChange(FlagChangeMode.Add, MessageFlags.Seen));
        await t.Mail.ExpungeAsync(inbox);
        var d = await t.AppendAsync(inbox, "d");

        var changes = await t.Mail.GetChangesAsync(inbox, snapshot);

        Assert.Equal([a.Uid, d.Uid], changes.Changed.Select(m => m.Uid));
        Assert.Equal(MessageFlags.Seen, changes.Changed[0].Flags);
        Assert.Equal([c.Uid], changes.Vanished);
        Assert.Equal(d.ModSeq, changes.HighestModSeq);
        Assert.Equal((await t.MailboxAsync("INBOX")).UidValidity, changes.UidValidity);
        Assert.DoesNotContain(b.Uid, changes.Changed.Select(m => m.Uid));
    }

    [Fact]
    public async Task Changes_since_zero_list_everything_and_since_now_list_nothing()
    {
        await using var t = await TestStore.CreateAsync();
        var inbox = await t.InboxIdAsync();
        await t.AppendAsync(inbox, "a", new AppendOptions { Flags = MessageFlags.Deleted });
        await t.AppendAsync(inbox, "b");
        var expunge = await t.Mail.ExpungeAsync(inbox);

        var all = await t.Mail.GetChangesAsync(inbox, 0);
        var none = await t.Mail.GetChangesAsync(inbox, expunge.HighestModSeq);

        Assert.Equal([2u], all.Changed.Select(m => m.Uid));
        Assert.Equal([1u], all.Vanished);
        Assert.Empty(none.Changed);
        Assert.Empty(none.Vanished);
    }

    [Fact]
    public async Task Fetch_CHANGEDSINCE_returns_only_messages_changed_after_the_modseq()
    {
        await using var t = await TestStore.CreateAsync();
        var inbox = await t.InboxIdAsync();
        await t.AppendAsync(inbox, "a");
        var b = await t.AppendAsync(inbox, "b");
        await t.AppendAsync(inbox, "c");
        var flagged = await t.Mail.StoreFlagsAsync(inbox, [UidRange.Single(1)], new FlagChange(FlagChangeMode.Add, MessageFlags.Flagged));

        var changed = await t.Mail.FetchAsync(inbox, [new UidRange(1, 2)], changedSince: b.ModSeq);

        Assert.Equal([1u], changed.Select(m => m.Uid));
        Assert.Equal(flagged.ModSeq, changed[0].ModSeq);
    }

    [Fact]
    public async Task A_move_shows_as_vanished_in_the_source_and_changed_in_the_target()
    {
        await using var t = await TestStore.CreateAsync();
        var inbox = await t.InboxIdAsync();
        var archive = (await t.MailboxAsync("Archive")).Id;
        var a = await t.AppendAsync(inbox, "a");
        var targetBefore = (await t.MailboxAsync("Archive")).HighestModSeq;

        var moved = await t.Mail.MoveAsync(inbox, [UidRange.Single(a.Uid)], archive);

        Assert.Equal([a.Uid], (await t.Mail.GetChangesAsync(inbox, a.ModSeq)).Vanished);
        Assert.Equal(moved.SourceModSeq, (await t.MailboxAsync("INBOX")).HighestModSeq);
        Assert.Equal(moved.TargetUids, (await t.Mail.GetChangesAsync(archive, targetBefore)).Changed.Select(m => m.Uid));
    }
}
