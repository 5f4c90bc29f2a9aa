using Posta.Storage.Notifications;

namespace Posta.Storage.Tests;

public class NotificationTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_subscriber_sees_an_append_with_the_new_HIGHESTMODSEQ()
    {
        await using var t = await TestStore.CreateAsync();
        var inbox = await t.InboxIdAsync();
        using var subscription = t.Store.Changes.Subscribe(t.UserId);

        var appended = await t.AppendAsync(inbox, "hello");

        var change = await subscription.Changes.ReadAsync().AsTask().WaitAsync(Timeout);
        Assert.Equal(new MailboxChange(t.UserId, inbox, MailboxChangeKind.MessagesAdded, appended.ModSeq), change);
    }

    [Fact]
    public async Task Flag_changes_expunges_and_mailbox_changes_arrive_in_commit_order()
    {
        await using var t = await TestStore.CreateAsync();
        var inbox = await t.InboxIdAsync();
        var appended = await t.AppendAsync(inbox, "hello");
        using var subscription = t.Store.Changes.Subscribe(t.UserId);

        var store = await t.Mail.StoreFlagsAsync(inbox, [UidRange.All], new FlagChange(FlagChangeMode.Add, MessageFlags.Deleted));
        var expunge = await t.Mail.ExpungeAsync(inbox);
        var box = await t.Mail.CreateMailboxAsync(t.UserId, "New");
        await t.Mail.RenameMailboxAsync(t.UserId, "New", "Renamed");
        await t.Mail.DeleteMailboxAsync(t.UserId, "Renamed");

        var changes = new List<MailboxChange>();
        for (var i = 0; i < 5; i++)
        {
            changes.Add(await subscription.Changes.ReadAsync().AsTask().WaitAsync(Timeout));
        }

        Assert.Equal(
            [
                (inbox, MailboxChangeKind.FlagsChanged, store.ModSeq!.Value),
                (inbox, MailboxChangeKind.MessagesExpunged, expunge.HighestModSeq),
                (box.Id, MailboxChangeKind.MailboxCreated, box.HighestModSeq),
                (box.Id, MailboxChangeKind.MailboxRenamed, box.HighestModSeq),
                (box.Id, MailboxChangeKind.MailboxDeleted, box.HighestModSeq),
            ],
            changes.Select(c => (c.MailboxId, c.Kind, c.HighestModSeq)));
        Assert.True(store.ModSeq > appended.ModSeq);
    }

    [Fact]
    public async Task Subscribers_hear_only_their_own_users_changes_and_nothing_from_failed_writes()
    {
        await using var t = await TestStore.CreateAsync(userQuotaBytes: 3);
        var bob = await t.AddUserAsync("bob@example.org");
        using var alices = t.Store.Changes.Subscribe(t.UserId);
        using var bobs = t.Store.Changes.Subscribe(bob);

        var alicesInbox = await t.InboxIdAsync();
        await t.AppendAsync(await t.InboxIdAsync(bob), "for bob");
        await Assert.ThrowsAsync<QuotaExceededException>(() => t.Mail.AppendAsync(alicesInbox, new UnseekableStream("too big for alice"u8.ToArray())));

        // Changes are published before the writing call returns, so absence now is absence.
        Assert.True(bobs.Changes.TryRead(out var change));
        Assert.Equal(bob, change.UserId);
        Assert.False(alices.Changes.TryRead(out _));
    }

    [Fact]
    public async Task Disposing_a_subscription_or_the_store_completes_the_stream()
    {
        var t = await TestStore.CreateAsync();
        var first = t.Store.Changes.Subscribe(t.UserId);
        var second = t.Store.Changes.Subscribe(t.UserId);

        first.Dispose();
        await first.Changes.Completion.WaitAsync(Timeout);
        await t.AppendAsync(await t.InboxIdAsync(), "x");
        Assert.False(first.Changes.TryRead(out _));

        await t.DisposeAsync();
        Assert.True(second.Changes.TryRead(out _));
        await second.Changes.Completion.WaitAsync(Timeout);
        second.Dispose();
    }

    [Fact]
    public void A_subscriber_that_falls_behind_gets_one_overflow_marker_instead_of_an_endless_queue()
    {
        using var notifier = new InProcessChangeNotifier();
        using var subscription = notifier.Subscribe(1);

        for (var i = 0; i < ChangeSubscription.Capacity + 500; i++)
        {
            notifier.Publish([new MailboxChange(1, 5, MailboxChangeKind.MessagesAdded, (ulong)i + 2)]);
        }

        var received = new List<MailboxChange>();
        while (subscription.Changes.TryRead(out var change))
        {
            received.Add(change);
        }

        Assert.Equal(ChangeSubscription.Capacity + 1, received.Count);
        Assert.Equal(MailboxChangeKind.Overflow, received[^1].Kind);
    }
}
