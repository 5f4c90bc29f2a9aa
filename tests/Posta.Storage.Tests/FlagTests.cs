namespace Posta.Storage.Tests;

public class FlagTests
{
    [Fact]
    public async Task Add_remove_and_replace_flags_and_keywords()
    {
        await using var t = await TestStore.CreateAsync();
        var inbox = await t.InboxIdAsync();
        var uid = (await t.AppendAsync(inbox, "a", new AppendOptions { Keywords = ["Work"] })).Uid;
        var one = new[] { UidRange.Single(uid) };

        await t.Mail.StoreFlagsAsync(inbox, one, new FlagChange(FlagChangeMode.Add, MessageFlags.Seen | MessageFlags.Flagged, ["$Forwarded", "work"]));
        var added = (await t.Mail.FetchAsync(inbox, one)).Single();
        Assert.Equal(MessageFlags.Seen | MessageFlags.Flagged, added.Flags);
        Assert.Equal(["Work", "$Forwarded"], added.Keywords);

        await t.Mail.StoreFlagsAsync(inbox, one, new FlagChange(FlagChangeMode.Remove, MessageFlags.Flagged, ["WORK"]));
        var removed = (await t.Mail.FetchAsync(inbox, one)).Single();
        Assert.Equal(MessageFlags.Seen, removed.Flags);
        Assert.Equal(["$Forwarded"], removed.Keywords);

        var replaced = await t.Mail.StoreFlagsAsync(inbox, one, new FlagChange(FlagChangeMode.Replace, MessageFlags.Answered, ["Done", "done"]));
        Assert.Equal(MessageFlags.Answered, replaced.Messages.Single().Flags);
        Assert.Equal(["Done"], replaced.Messages.Single().Keywords);
        var stored = (await t.Mail.FetchAsync(inbox, one)).Single();
        Assert.Equal((MessageFlags.Answered, replaced.ModSeq!.Value), (stored.Flags, stored.ModSeq));
        Assert.Equal(["Done"], stored.Keywords);
    }

    [Fact]
    public async Task A_store_that_changes_nothing_keeps_the_modseq()
    {
        await using var t = await TestStore.CreateAsync();
        var inbox = await t.InboxIdAsync();
        var appended = await t.AppendAsync(inbox, "a", new AppendOptions { Flags = MessageFlags.Seen, Keywords = ["Work"] });

        var result = await t.Mail.StoreFlagsAsync(inbox, [UidRange.All], new FlagChange(FlagChangeMode.Add, MessageFlags.Seen, ["work"]));

        Assert.Null(result.ModSeq);
        Assert.Equal(appended.ModSeq, result.Messages.Single().ModSeq);
        Assert.Equal(appended.ModSeq, (await t.MailboxAsync("INBOX")).HighestModSeq);
    }

    [Fact]
    public async Task One_store_gives_its_changed_messages_one_new_modseq()
    {
        await using var t = await TestStore.CreateAsync();
        var inbox = await t.InboxIdAsync();
        await t.AppendAsync(inbox, "a", new AppendOptions { Flags = MessageFlags.Seen });
        await t.AppendAsync(inbox, "b");
        var last = await t.AppendAsync(inbox, "c");

        var result = await t.Mail.StoreFlagsAsync(inbox, [UidRange.All], new FlagChange(FlagChangeMode.Add, MessageFlags.Seen));

        Assert.Equal(last.ModSeq + 1, result.ModSeq);
        Assert.Equal([false, true, true], result.Messages.Select(m => m.ModSeq == result.ModSeq));
    }

    [Fact]
    public async Task UNCHANGEDSINCE_leaves_messages_changed_later_alone_and_reports_them()
    {
        await using var t = await TestStore.CreateAsync();
        var inbox = await t.InboxIdAsync();
        await t.AppendAsync(inbox, "a");
        var second = await t.AppendAsync(inbox, "b");
        var third = await t.AppendAsync(inbox, "c");
        var snapshot = second.ModSeq;

        // Another client flags message 3 after our snapshot.
        await t.Mail.StoreFlagsAsync(inbox, [UidRange.Single(third.Uid)], new FlagChange(FlagChangeMode.Add, MessageFlags.Flagged));

        var result = await t.Mail.StoreFlagsAsync(inbox, [UidRange.All], new FlagChange(FlagChangeMode.Add, MessageFlags.Deleted), unchangedSince: snapshot);

        Assert.Equal([third.Uid], result.Modified);
        Assert.Equal([1u, 2u], result.Messages.Select(m => m.Uid));
        var flags = (await t.Mail.FetchAsync(inbox, [UidRange.All])).Select(m => m.Flags).ToList();
        Assert.Equal([MessageFlags.Deleted, MessageFlags.Deleted, MessageFlags.Flagged], flags);
    }

    [Fact]
    public async Task UNCHANGEDSINCE_zero_always_fails()
    {
        await using var t = await TestStore.CreateAsync();
        var inbox = await t.InboxIdAsync();
        await t.AppendAsync(inbox, "a");

        var result = await t.Mail.StoreFlagsAsync(inbox, [UidRange.All], new FlagChange(FlagChangeMode.Add, MessageFlags.Seen), unchangedSince: 0);

        Assert.Equal([1u], result.Modified);
        Assert.Null(result.ModSeq);
        Assert.Equal(MessageFlags.None, (await t.Mail.FetchAsync(inbox, [UidRange.All])).Single().Flags);
    }

    [Theory]
    [InlineData("")]
    [InlineData("two words")]
    [InlineData("\\Seen")]
    [InlineData("paren(")]
    [InlineData("brace{")]
    [InlineData("quote\"")]
    [InlineData("bracket]")]
    [InlineData("ünicode")]
    public async Task Keywords_that_are_not_atoms_are_refused_before_anything_is_written(string keyword)
    {
        await using var t = await TestStore.CreateAsync();
        var inbox = await t.InboxIdAsync();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => t.AppendAsync(inbox, "a", new AppendOptions { Keywords = [keyword] }));
        await Assert.ThrowsAnyAsync<ArgumentException>(() =>
            t.Mail.StoreFlagsAsync(inbox, [UidRange.All], new FlagChange(FlagChangeMode.Add, MessageFlags.None, [keyword])));
        Assert.Empty(t.BlobFiles());
    }
}
