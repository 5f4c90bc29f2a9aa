namespace Posta.Storage.Tests;

public class CopyMoveTests
{
    [Fact]
    public async Task Copy_gives_new_ascending_UIDs_in_the_target_and_keeps_flags_keywords_and_date()
    {
        await using var t = await TestStore.CreateAsync();
        var inbox = await t.InboxIdAsync();
        var archive = await t.MailboxAsync("Archive");
        await t.AppendAsync(archive.Id, "already there");
        var date = new DateTimeOffset(2020, 1, 2, 3, 4, 5, TimeSpan.FromHours(2));
        await t.AppendAsync(inbox, "a", new AppendOptions { Flags = MessageFlags.Seen, Keywords = ["Work"], InternalDate = date });
        await t.AppendAsync(inbox, "b");
        await t.AppendAsync(inbox, "c");

        var result = await t.Mail.CopyAsync(inbox, [UidRange.Single(3), UidRange.Single(1)], archive.Id);

        Assert.Equal(archive.UidValidity, result.TargetUidValidity);
        Assert.Equal([1u, 3u], result.SourceUids);
        Assert.Equal([2u, 3u], result.TargetUids);
        Assert.Null(result.SourceModSeq);
        var copied = await t.Mail.FetchAsync(archive.Id, [new UidRange(2, 3)]);
        Assert.Equal((MessageFlags.Seen, date), (copied[0].Flags, copied[0].InternalDate));
        Assert.Equal(["Work"], copied[0].Keywords);
        Assert.Equal(TestStore.Sha256Hex("c"), copied[1].BlobHash.Hex);
        Assert.Equal(3, (await t.Mail.FetchAsync(inbox, [UidRange.All])).Count);
    }

    [Fact]
    public async Task Move_removes_from_the_source_under_a_new_modseq()
    {
        await using var t = await TestStore.CreateAsync();
        var inbox = await t.InboxIdAsync();
        var junk = (await t.MailboxAsync("Junk")).Id;
        await t.AppendAsync(inbox, "a");
        var b = await t.AppendAsync(inbox, "spam");

        var result = await t.Mail.MoveAsync(inbox, [UidRange.Single(b.Uid)], junk);

        Assert.True(result.SourceModSeq > b.ModSeq);
        Assert.Equal([1u], (await t.Mail.FetchAsync(inbox, [UidRange.All])).Select(m => m.Uid));
        Assert.Equal([result.TargetUids[0]], (await t.Mail.FetchAsync(junk, [UidRange.All])).Select(m => m.Uid));
    }

    [Fact]
    public async Task Copying_nothing_changes_nothing()
    {
        await using var t = await TestStore.CreateAsync();
        var inbox = await t.InboxIdAsync();
        var trash = await t.MailboxAsync("Trash");

        var result = await t.Mail.CopyAsync(inbox, [UidRange.All], trash.Id);

        Assert.Empty(result.TargetUids);
        Assert.Equal(trash.HighestModSeq, (await t.MailboxAsync("Trash")).HighestModSeq);
    }

    [Fact]
    public async Task Copy_to_another_users_mailbox_charges_that_user()
    {
        await using var t = await TestStore.CreateAsync();
        var bob = await t.AddUserAsync("bob@example.org", quotaBytes: 3);
        var inbox = await t.InboxIdAsync();
        var bobsInbox = await t.InboxIdAsync(bob);
        await t.AppendAsync(inbox, "12345");

        await Assert.ThrowsAsync<QuotaExceededException>(() => t.Mail.CopyAsync(inbox, [UidRange.All], bobsInbox));
        Assert.Equal(0, (await t.Mail.GetQuotaAsync(bob)).UsedBytes);
    }
}
