namespace Posta.Storage.Tests;

public class MailboxTests
{
    [Fact]
    public async Task A_new_user_has_the_standard_mailboxes_with_special_use_all_subscribed()
    {
        await using var t = await TestStore.CreateAsync();

        var mailboxes = await t.Mail.ListMailboxesAsync(t.UserId);

        Assert.Equal(
            [("Archive", SpecialUse.Archive), ("Drafts", SpecialUse.Drafts), ("INBOX", SpecialUse.None), ("Junk", SpecialUse.Junk), ("Sent", SpecialUse.Sent), ("Trash", SpecialUse.Trash)],
            mailboxes.Select(m => (m.Name, m.SpecialUse)));
        Assert.All(mailboxes, m => Assert.True(m.Subscribed));
        Assert.All(mailboxes, m => Assert.Equal(1u, m.UidNext));
        Assert.All(mailboxes, m => Assert.NotEqual(0u, m.UidValidity));
        Assert.Equal(6, mailboxes.Select(m => m.UidValidity).Distinct().Count());
        Assert.Equal(["Archive", "Drafts", "INBOX", "Junk", "Sent", "Trash"], await t.Mail.ListSubscriptionsAsync(t.UserId));
    }

    [Fact]
    public async Task INBOX_matches_case_insensitively_other_names_exactly()
    {
        await using var t = await TestStore.CreateAsync();
        await t.Mail.CreateMailboxAsync(t.UserId, "inbox/Lists");
        await t.Mail.CreateMailboxAsync(t.UserId, "Work");

        Assert.Equal("INBOX", (await t.Mail.GetMailboxAsync(t.UserId, "iNbOx"))!.Name);
        Assert.Equal("INBOX/Lists", (await t.Mail.GetMailboxAsync(t.UserId, "Inbox/Lists"))!.Name);
        Assert.Null(await t.Mail.GetMailboxAsync(t.UserId, "work"));
        Assert.NotNull(await t.Mail.GetMailboxAsync(t.UserId, "Work"));
        await Assert.ThrowsAsync<MailboxExistsException>(() => t.Mail.CreateMailboxAsync(t.UserId, "Inbox"));
    }

    [Fact]
    public async Task Create_makes_missing_parents_and_keeps_names_as_given()
    {
        await using var t = await TestStore.CreateAsync();

        var created = await t.Mail.CreateMailboxAsync(t.UserId, "Projekte/Bücher/2024", SpecialUse.Archive);

        Assert.Equal("Projekte/Bücher/2024", created.Name);
        Assert.Equal(SpecialUse.Archive, created.SpecialUse);
        Assert.False(created.Subscribed);
        Assert.NotNull(await t.Mail.GetMailboxAsync(t.UserId, "Projekte"));
        Assert.Equal(SpecialUse.None, (await t.Mail.GetMailboxAsync(t.UserId, "Projekte/Bücher"))!.SpecialUse);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/Top")]
    [InlineData("Top/")]
    [InlineData("a//b")]
    [InlineData("star*")]
    [InlineData("per%cent")]
    [InlineData("tab\there")]
    public async Task Unacceptable_names_are_refused(string name)
    {
        await using var t = await TestStore.CreateAsync();

        await Assert.ThrowsAsync<InvalidMailboxNameException>(() => t.Mail.CreateMailboxAsync(t.UserId, name));
        Assert.Null(await t.Mail.GetMailboxAsync(t.UserId, name));
    }

    [Fact]
    public async Task A_name_that_is_not_valid_Unicode_is_refused()
    {
        await using var t = await TestStore.CreateAsync();

        await Assert.ThrowsAsync<InvalidMailboxNameException>(() => t.Mail.CreateMailboxAsync(t.UserId, "lone\ud800surrogate"));
    }

    [Fact]
    public async Task A_very_long_name_is_refused()
    {
        await using var t = await TestStore.CreateAsync();

        await Assert.ThrowsAsync<InvalidMailboxNameException>(() => t.Mail.CreateMailboxAsync(t.UserId, new string('x', 1025)));
    }

    [Fact]
    public async Task A_name_that_looks_like_a_path_is_only_a_key()
    {
        await using var t = await TestStore.CreateAsync();

        await t.Mail.CreateMailboxAsync(t.UserId, "../../etc");
        await t.AppendAsync((await t.MailboxAsync("../../etc")).Id, "hello");

        Assert.False(System.IO.Directory.Exists(Path.Combine(t.DataDirectory, "..", "..", "etc", "cur")));
        Assert.Equal(
            ["blobs", "metadata.db", "metadata.db-shm", "metadata.db-wal"],
            System.IO.Directory.EnumerateFileSystemEntries(t.DataDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Delete_and_recreate_gives_a_new_UIDVALIDITY_even_within_the_same_second()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        await using var t = await TestStore.CreateAsync(time: clock);
        var first = await t.Mail.CreateMailboxAsync(t.UserId, "Lists");
        await t.AppendAsync(first.Id, "one");

        await t.Mail.DeleteMailboxAsync(t.UserId, "Lists");
        var second = await t.Mail.CreateMailboxAsync(t.UserId, "Lists");

        Assert.NotEqual(first.Id, second.Id);
        Assert.True(second.UidValidity > first.UidValidity);
        Assert.Equal(1u, second.UidNext);
    }

    [Fact]
    public async Task UIDVALIDITY_keeps_increasing_when_the_clock_steps_back()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
        await using var t = await TestStore.CreateAsync(time: clock);
        var before = await t.Mail.CreateMailboxAsync(t.UserId, "A");

        clock.Now = DateTimeOffset.FromUnixTimeSeconds(1_600_000_000);
        var after = await t.Mail.CreateMailboxAsync(t.UserId, "B");

        Assert.True(after.UidValidity > before.UidValidity);
    }

    [Fact]
    public async Task Rename_moves_children_and_subscriptions_and_keeps_UIDVALIDITY_and_messages()
    {
        await using var t = await TestStore.CreateAsync();
        var parent = await t.Mail.CreateMailboxAsync(t.UserId, "Work");
        var child = await t.Mail.CreateMailboxAsync(t.UserId, "Work/2024");
        await t.Mail.CreateMailboxAsync(t.UserId, "Workshop");
        await t.Mail.SetSubscribedAsync(t.UserId, "Work/2024", true);
        await t.AppendAsync(child.Id, "report");

        var renamed = await t.Mail.RenameMailboxAsync(t.UserId, "Work", "Old/Work");

        Assert.Equal(parent.Id, renamed.Id);
        Assert.Equal(parent.UidValidity, renamed.UidValidity);
        var movedChild = await t.MailboxAsync("Old/Work/2024");
        Assert.Equal(child.Id, movedChild.Id);
        Assert.Equal(child.UidValidity, movedChild.UidValidity);
        Assert.True(movedChild.Subscribed);
        Assert.Single(await t.Mail.FetchAsync(movedChild.Id, [UidRange.All]));
        Assert.NotNull(await t.Mail.GetMailboxAsync(t.UserId, "Old"));
        Assert.NotNull(await t.Mail.GetMailboxAsync(t.UserId, "Workshop"));
        Assert.Null(await t.Mail.GetMailboxAsync(t.UserId, "Work"));
        Assert.DoesNotContain("Work/2024", await t.Mail.ListSubscriptionsAsync(t.UserId));
    }

    [Fact]
    public async Task Rename_refuses_existing_targets_missing_sources_and_moving_below_itself()
    {
        await using var t = await TestStore.CreateAsync();
        await t.Mail.CreateMailboxAsync(t.UserId, "A/x");
        await t.Mail.CreateMailboxAsync(t.UserId, "B/x");

        await Assert.ThrowsAsync<MailboxExistsException>(() => t.Mail.RenameMailboxAsync(t.UserId, "A", "Trash"));
        await Assert.ThrowsAsync<MailboxNotFoundException>(() => t.Mail.RenameMailboxAsync(t.UserId, "Nope", "Other"));
        await Assert.ThrowsAsync<MailboxOperationNotAllowedException>(() => t.Mail.RenameMailboxAsync(t.UserId, "A", "A/y"));

        // "B" is free but "B/x" is taken: renaming A would collide below the new name.
        await t.Mail.DeleteMailboxAsync(t.UserId, "B");
        await Assert.ThrowsAsync<MailboxExistsException>(() => t.Mail.RenameMailboxAsync(t.UserId, "A", "B"));
        Assert.NotNull(await t.Mail.GetMailboxAsync(t.UserId, "A/x"));
    }

    [Fact]
    public async Task Renaming_INBOX_moves_its_messages_to_a_new_mailbox_and_leaves_it_empty()
    {
        await using var t = await TestStore.CreateAsync();
        var inbox = await t.MailboxAsync("INBOX");
        await t.AppendAsync(inbox.Id, "one");
        await t.AppendAsync(inbox.Id, "two");

        var old = await t.Mail.RenameMailboxAsync(t.UserId, "INBOX", "Old mail");

        Assert.Equal(new[] { "one", "two" }.Select(TestStore.Sha256Hex), (await t.Mail.FetchAsync(old.Id, [UidRange.All])).Select(m => m.BlobHash.Hex));
        var inboxAfter = await t.MailboxAsync("INBOX");
        Assert.Equal(inbox.Id, inboxAfter.Id);
        Assert.Equal(inbox.UidValidity, inboxAfter.UidValidity);
        Assert.Equal(3u, inboxAfter.UidNext);
        Assert.Empty(await t.Mail.FetchAsync(inbox.Id, [UidRange.All]));
        Assert.Equal(2, (await t.Mail.GetQuotaAsync(t.UserId)).MessageCount);
    }

    [Fact]
    public async Task INBOX_cannot_be_deleted()
    {
        await using var t = await TestStore.CreateAsync();

        await Assert.ThrowsAsync<MailboxOperationNotAllowedException>(() => t.Mail.DeleteMailboxAsync(t.UserId, "inbox"));
        await Assert.ThrowsAsync<MailboxNotFoundException>(() => t.Mail.DeleteMailboxAsync(t.UserId, "Nope"));
    }

    [Fact]
    public async Task Deleting_a_mailbox_keeps_its_children_and_its_subscription()
    {
        await using var t = await TestStore.CreateAsync();
        await t.Mail.CreateMailboxAsync(t.UserId, "Lists/dev");
        await t.Mail.SetSubscribedAsync(t.UserId, "Lists", true);

        await t.Mail.DeleteMailboxAsync(t.UserId, "Lists");

        Assert.Null(await t.Mail.GetMailboxAsync(t.UserId, "Lists"));
        Assert.NotNull(await t.Mail.GetMailboxAsync(t.UserId, "Lists/dev"));
        Assert.Contains("Lists", await t.Mail.ListSubscriptionsAsync(t.UserId));
    }

    [Fact]
    public async Task Subscriptions_need_no_mailbox_and_unsubscribe_removes_them()
    {
        await using var t = await TestStore.CreateAsync();

        await t.Mail.SetSubscribedAsync(t.UserId, "Shared/news", true);
        await t.Mail.SetSubscribedAsync(t.UserId, "Shared/news", true);
        Assert.Contains("Shared/news", await t.Mail.ListSubscriptionsAsync(t.UserId));

        await t.Mail.SetSubscribedAsync(t.UserId, "Junk", false);
        Assert.False((await t.MailboxAsync("Junk")).Subscribed);

        await Assert.ThrowsAsync<UserNotFoundException>(() => t.Mail.SetSubscribedAsync(999, "X", true));
    }

    [Fact]
    public async Task Status_counts_messages_unseen_deleted_and_size()
    {
        await using var t = await TestStore.CreateAsync();
        var inbox = await t.InboxIdAsync();
        await t.AppendAsync(inbox, "12345", new AppendOptions { Flags = MessageFlags.Seen });
        await t.AppendAsync(inbox, "123", new AppendOptions { Flags = MessageFlags.Deleted });
        await t.AppendAsync(inbox, "1");

        var status = await t.Mail.GetMailboxStatusAsync(inbox);

        Assert.Equal((3, 2, 1, 9), (status.Messages, status.Unseen, status.Deleted, status.Size));
        Assert.Equal(4u, status.Mailbox.UidNext);
    }

    [Fact]
    public async Task Mailboxes_of_another_user_are_separate()
    {
        await using var t = await TestStore.CreateAsync();
        var bob = await t.AddUserAsync("bob@example.org");

        await t.Mail.CreateMailboxAsync(bob, "Private");

        Assert.Null(await t.Mail.GetMailboxAsync(t.UserId, "Private"));
        Assert.NotEqual(await t.InboxIdAsync(), await t.InboxIdAsync(bob));
        await Assert.ThrowsAsync<UserNotFoundException>(() => t.Mail.CreateMailboxAsync(12345, "X"));
    }
}
