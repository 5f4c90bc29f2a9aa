using System.Text;
using Posta.Storage.Queue;

namespace Posta.Storage.Tests;

public class QueueTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(1_750_000_000);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    private readonly ManualTimeProvider _clock = new(Start);

    [Fact]
    public async Task An_enqueued_message_is_leased_with_its_whole_envelope_and_content()
    {
        await using var t = await TestStore.CreateAsync(time: _clock);
        var entry = new QueueEntry(
            "q-envelope",
            "sender@example.net",
            [
                new QueueEntryRecipient("one@example.com", "rfc822;alias@example.org", 2 | 4),
                new QueueEntryRecipient("two@example.com", null, 1),
                new QueueEntryRecipient("three@example.com"),
            ])
        {
            EnvelopeId = "envid-1",
            DsnReturn = 2,
            BodyType = 2,
            SmtpUtf8 = true,
            RequireTls = true,
            AuthenticatedUser = "alice@example.org",
            Client = "client.example.net [192.0.2.7]",
            Received = Start.AddMinutes(-1),
        };
        const string body = "Subject: queued\r\n\r\nbody\r\n";

        var id = await t.Store.Queue.EnqueueAsync(Bytes(body), entry);
        var lease = Assert.Single(await t.Store.Queue.LeaseDueAsync(Start, Lease, 100));

        Assert.Equal(id, lease.MessageId);
        Assert.Equal(Encoding.UTF8.GetByteCount(body), lease.Size);
        Assert.Equal(Start + Lease, lease.LeaseUntil);
        Assert.Equal(entry, lease.Envelope with { Recipients = entry.Recipients });
        Assert.Equal(entry.Recipients, lease.Envelope.Recipients);
        Assert.Equal(
            [
                new LeasedRecipient(0, "one@example.com", "rfc822;alias@example.org", 6, 0, null),
                new LeasedRecipient(1, "two@example.com", null, 1, 0, null),
                new LeasedRecipient(2, "three@example.com", null, 0, 0, null),
            ],
            lease.Recipients);
        Assert.Equal(body, await ReadContentAsync(t, id));
        Assert.Equal(1, await BlobTests.RefcountAsync(t, BlobHash.Parse(TestStore.Sha256Hex(body))));
    }

    [Fact]
    public async Task Leased_recipients_are_not_handed_out_again_until_the_lease_runs_out()
    {
        await using var t = await TestStore.CreateAsync(time: _clock);
        await EnqueueAsync(t, "q-lease", "a@example.com", "b@example.com");

        Assert.Equal(2, Assert.Single(await t.Store.Queue.LeaseDueAsync(Start, Lease, 100)).Recipients.Count);
        Assert.Empty(await t.Store.Queue.LeaseDueAsync(Start, Lease, 100));
        Assert.Empty(await t.Store.Queue.LeaseDueAsync(Start + Lease - TimeSpan.FromMilliseconds(1), Lease, 100));
        Assert.Equal(Start + Lease, await t.Store.Queue.NextDueAsync());

        // The holder died: once its lease has run out, the recipients are due again, attempts unchanged.
        var again = Assert.Single(await t.Store.Queue.LeaseDueAsync(Start + Lease, Lease, 100));
        Assert.All(again.Recipients, r => Assert.Equal(0, r.Attempts));
        Assert.Equal(Start + Lease + Lease, again.LeaseUntil);
    }

    [Fact]
    public async Task A_lease_takes_at_most_max_recipients_grouped_by_message_oldest_first()
    {
        await using var t = await TestStore.CreateAsync(time: _clock);
        var first = await EnqueueAsync(t, "q-first", "a@example.com", "b@example.com", "c@example.com");
        _clock.Now = Start.AddSeconds(1);
        var second = await EnqueueAsync(t, "q-second", "d@example.com", "e@example.com", "f@example.com");

        var leases = await t.Store.Queue.LeaseDueAsync(_clock.Now, Lease, 4);
        Assert.Equal([first, second], leases.Select(l => l.MessageId));
        Assert.Equal(["a@example.com", "b@example.com", "c@example.com"], leases[0].Recipients.Select(r => r.Address));
        Assert.Equal(["d@example.com"], leases[1].Recipients.Select(r => r.Address));
        Assert.Equal(["d@example.com"], leases[1].Envelope.Recipients.Select(r => r.Address));

        var rest = Assert.Single(await t.Store.Queue.LeaseDueAsync(_clock.Now, Lease, 4));
        Assert.Equal(second, rest.MessageId);
        Assert.Equal([1, 2], rest.Recipients.Select(r => r.Seq));
    }

    [Fact]
    public async Task A_deferred_recipient_is_due_at_its_next_attempt_with_its_attempts_and_last_reply()
    {
        await using var t = await TestStore.CreateAsync(time: _clock);
        var id = await EnqueueAsync(t, "q-defer", "a@example.com");
        await t.Store.Queue.LeaseDueAsync(Start, Lease, 10);
        var next = Start.AddSeconds(300);

        await t.Store.Queue.CompleteAsync(id, [RecipientOutcome.Deferred(0, "451 4.4.0 try later", next)]);

        Assert.Equal(next, await t.Store.Queue.NextDueAsync());
        Assert.Empty(await t.Store.Queue.LeaseDueAsync(next.AddMilliseconds(-1), Lease, 10));
        var lease = Assert.Single(await t.Store.Queue.LeaseDueAsync(next, Lease, 10));
        Assert.Equal(new LeasedRecipient(0, "a@example.com", null, 0, 1, "451 4.4.0 try later"), Assert.Single(lease.Recipients));

        var listed = Assert.Single(Assert.Single(await t.Store.Queue.ListAsync()).Recipients);
        Assert.Equal(QueueRecipientState.Pending, listed.State);
        Assert.Equal(1, listed.Attempts);
        Assert.Equal(next, listed.NextAttempt);
        Assert.Equal(next + Lease, listed.LeaseUntil);
    }

    [Fact]
    public async Task A_message_stays_while_a_recipient_is_pending_and_leaves_with_its_blob_after_the_last()
    {
        await using var t = await TestStore.CreateAsync(time: _clock);
        const string body = "Subject: done\r\n\r\nonly in the queue\r\n";
        var hash = BlobHash.Parse(TestStore.Sha256Hex(body));
        var id = await t.Store.Queue.EnqueueAsync(Bytes(body), Entry("q-done", "a@example.com", "b@example.com", "c@example.com"));
        await t.Store.Queue.LeaseDueAsync(Start, Lease, 10);

        await t.Store.Queue.CompleteAsync(id, [RecipientOutcome.Delivered(0, "250 2.0.0 Ok"), RecipientOutcome.Failed(1, "550 5.1.1 unknown")]);
        var message = Assert.Single(await t.Store.Queue.ListAsync());
        Assert.Equal(
            [QueueRecipientState.Delivered, QueueRecipientState.Failed, QueueRecipientState.Pending],
            message.Recipients.Select(r => r.State));
        Assert.Equal(["250 2.0.0 Ok", "550 5.1.1 unknown", null], message.Recipients.Select(r => r.LastReply));
        Assert.Equal(Start + Lease, message.Recipients[2].LeaseUntil);
        Assert.Null(message.Recipients[0].LeaseUntil);
        Assert.True(File.Exists(t.BlobPath(hash)));

        await t.Store.Queue.CompleteAsync(id, [RecipientOutcome.Delivered(2)]);

        Assert.Empty(await t.Store.Queue.ListAsync());
        Assert.Null(await t.Store.Queue.NextDueAsync());
        await BlobTests.WaitForAsync(() => !File.Exists(t.BlobPath(hash)));

        // The row goes in the same release transaction as the file; it may not have committed yet.
        Assert.True(await BlobTests.RefcountAsync(t, hash) is null or 0);
        await Assert.ThrowsAsync<QueueMessageNotFoundException>(() => t.Store.Queue.OpenContentAsync(id));
        await Assert.ThrowsAsync<QueueMessageNotFoundException>(() => t.Store.Queue.CompleteAsync(id, [RecipientOutcome.Delivered(0)]));
    }

    [Fact]
    public async Task Content_shared_with_a_stored_message_keeps_its_blob_when_the_queue_lets_go()
    {
        await using var t = await TestStore.CreateAsync(time: _clock);
        const string body = "Subject: both\r\n\r\nin a mailbox and in the queue\r\n";
        var appended = await t.AppendAsync(await t.InboxIdAsync(), body);
        var id = await t.Store.Queue.EnqueueAsync(Bytes(body), Entry("q-shared", "a@example.com"));
        Assert.Equal(2, await BlobTests.RefcountAsync(t, appended.BlobHash));

        await t.Store.Queue.LeaseDueAsync(Start, Lease, 10);
        await t.Store.Queue.CompleteAsync(id, [RecipientOutcome.Delivered(0)]);

        Assert.Equal(1, await BlobTests.RefcountAsync(t, appended.BlobHash));
        await t.ReopenAsync();
        Assert.True(File.Exists(t.BlobPath(appended.BlobHash)));
        Assert.Empty(await t.Store.Queue.ListAsync());
    }

    [Fact]
    public async Task An_outcome_for_a_recipient_that_is_done_already_changes_nothing()
    {
        await using var t = await TestStore.CreateAsync(time: _clock);
        var id = await EnqueueAsync(t, "q-twice", "a@example.com", "b@example.com");
        await t.Store.Queue.LeaseDueAsync(Start, Lease, 10);
        await t.Store.Queue.CompleteAsync(id, [RecipientOutcome.Delivered(0, "250 first")]);

        await t.Store.Queue.CompleteAsync(id, [RecipientOutcome.Deferred(0, "451 late", Start.AddHours(1))]);

        var recipient = Assert.Single(await t.Store.Queue.ListAsync()).Recipients[0];
        Assert.Equal(QueueRecipientState.Delivered, recipient.State);
        Assert.Equal(1, recipient.Attempts);
        Assert.Equal("250 first", recipient.LastReply);
    }

    [Fact]
    public async Task A_queue_id_in_use_is_refused_without_leaving_a_reference()
    {
        await using var t = await TestStore.CreateAsync(time: _clock);
        await t.Store.Queue.EnqueueAsync(Bytes("first\r\n"), Entry("q-same", "a@example.com"));

        await Assert.ThrowsAsync<DuplicateQueueIdException>(() => t.Store.Queue.EnqueueAsync(Bytes("second\r\n"), Entry("q-same", "b@example.com")));

        Assert.Equal("first\r\n", await ReadContentAsync(t, Assert.Single(await t.Store.Queue.ListAsync()).MessageId));
        var second = BlobHash.Parse(TestStore.Sha256Hex("second\r\n"));
        await BlobTests.WaitForAsync(() => !File.Exists(t.BlobPath(second)));
        Assert.True(await BlobTests.RefcountAsync(t, second) is null or 0);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(16)]
    [InlineData(-1)]
    public async Task A_malformed_notify_value_is_refused(int notify)
    {
        await using var t = await TestStore.CreateAsync(time: _clock);
        var entry = new QueueEntry("q-notify", "", [new QueueEntryRecipient("a@example.com", null, notify)]);

        await Assert.ThrowsAsync<ArgumentException>(() => t.Store.Queue.EnqueueAsync(Bytes("x\r\n"), entry));
        Assert.Empty(await t.Store.Queue.ListAsync());
    }

    [Fact]
    public async Task A_message_without_recipients_is_refused()
    {
        await using var t = await TestStore.CreateAsync(time: _clock);

        await Assert.ThrowsAsync<ArgumentException>(() => t.Store.Queue.EnqueueAsync(Bytes("x\r\n"), new QueueEntry("q-none", "", [])));
        Assert.Empty(await t.Store.Queue.ListAsync());
    }

    [Fact]
    public async Task A_deferral_needs_a_next_attempt_and_nothing_else_has_one()
    {
        await using var t = await TestStore.CreateAsync(time: _clock);
        var id = await EnqueueAsync(t, "q-outcome", "a@example.com");

        await Assert.ThrowsAsync<ArgumentException>(() => t.Store.Queue.CompleteAsync(id, [new RecipientOutcome(0, QueueRecipientState.Pending, "451", null)]));
        await Assert.ThrowsAsync<ArgumentException>(() => t.Store.Queue.CompleteAsync(id, [new RecipientOutcome(0, QueueRecipientState.Delivered, "250", Start)]));
        Assert.Equal(0, Assert.Single(Assert.Single(await t.Store.Queue.ListAsync()).Recipients).Attempts);
    }

    [Fact]
    public async Task The_queue_and_its_leases_outlive_a_restart()
    {
        await using var t = await TestStore.CreateAsync(time: _clock);
        var id = await EnqueueAsync(t, "q-restart", "a@example.com", "b@example.com");
        await t.Store.Queue.LeaseDueAsync(Start, Lease, 1);

        await t.ReopenAsync();

        var message = Assert.Single(await t.Store.Queue.ListAsync());
        Assert.Equal(id, message.MessageId);
        Assert.Equal("q-restart", message.Envelope.QueueId);
        Assert.Equal(Start + Lease, message.Recipients[0].LeaseUntil);
        Assert.Null(message.Recipients[1].LeaseUntil);
        Assert.Equal("b@example.com", Assert.Single(Assert.Single(await t.Store.Queue.LeaseDueAsync(Start, Lease, 10)).Recipients).Address);
        Assert.Equal("Subject: q-restart\r\n\r\nbody\r\n", await ReadContentAsync(t, id));
    }

    [Fact]
    public async Task Nothing_is_due_in_an_empty_queue()
    {
        await using var t = await TestStore.CreateAsync(time: _clock);

        Assert.Null(await t.Store.Queue.NextDueAsync());
        Assert.Empty(await t.Store.Queue.LeaseDueAsync(Start, Lease, 10));
        Assert.Empty(await t.Store.Queue.ListAsync());
    }

    private static QueueEntry Entry(string queueId, params string[] recipients) =>
        new(queueId, "sender@example.net", [.. recipients.Select(r => new QueueEntryRecipient(r))]) { Received = Start };

    private static Task<long> EnqueueAsync(TestStore t, string queueId, params string[] recipients) =>
        t.Store.Queue.EnqueueAsync(Bytes($"Subject: {queueId}\r\n\r\nbody\r\n"), Entry(queueId, recipients));

    private static MemoryStream Bytes(string text) => new(Encoding.UTF8.GetBytes(text));

    private static async Task<string> ReadContentAsync(TestStore t, long messageId)
    {
        await using var stream = await t.Store.Queue.OpenContentAsync(messageId);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }
}
