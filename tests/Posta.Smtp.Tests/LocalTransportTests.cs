using System.Text;
using Posta.Smtp.Outbound.Dsn;
using Posta.Smtp.Outbound.Queue;
using Posta.Smtp.Protocol.Commands;
using Posta.Storage.Queue;
using static Posta.Smtp.Tests.QueueHarness;

namespace Posta.Smtp.Tests;

public class LocalTransportTests
{
    private const string Message = "Subject: local\r\n\r\nHello\r\n";

    [Fact]
    public async Task A_message_for_one_user_gets_Return_Path_and_Delivered_To_on_top()
    {
        await using var h = await StartAsync();
        await h.EnqueueAsync(Message, "sender@example.net", To("alice@example.org"));

        await h.RunDueAsync();

        Assert.Equal(
            ["Return-Path: <sender@example.net>\r\nDelivered-To: alice@example.org\r\n" + Message],
            await h.InboxAsync("alice@example.org"));
    }

    [Fact]
    public async Task Delivered_To_names_the_user_an_alias_reaches()
    {
        await using var h = await StartAsync();
        await h.Accounts.AddAliasAsync("sales@example.org", ["alice@example.org"]);
        await h.EnqueueAsync(Message, "sender@example.net", To("Sales@Example.org"));

        await h.RunDueAsync();

        Assert.Equal(
            ["Return-Path: <sender@example.net>\r\nDelivered-To: alice@example.org\r\n" + Message],
            await h.InboxAsync("alice@example.org"));
    }

    [Fact]
    public async Task One_user_reached_by_two_recipients_gets_one_copy_with_Delivered_To()
    {
        await using var h = await StartAsync();
        await h.Accounts.AddAliasAsync("sales@example.org", ["alice@example.org"]);
        await h.EnqueueAsync(Message, "sender@example.net", To("sales@example.org"), To("alice@example.org"));

        await h.RunDueAsync();

        Assert.Equal(
            ["Return-Path: <sender@example.net>\r\nDelivered-To: alice@example.org\r\n" + Message],
            await h.InboxAsync("alice@example.org"));
        Assert.Empty(await h.QueuedAsync());
    }

    [Fact]
    public async Task A_Return_Path_already_on_top_stays_first_and_is_not_repeated()
    {
        await using var h = await StartAsync();
        const string traced = "Return-Path: <sender@example.net>\r\nReceived: from a by b\r\n" + Message;
        await h.EnqueueAsync(traced, "sender@example.net", To("alice@example.org"));

        await h.RunDueAsync();

        Assert.Equal(
            ["Return-Path: <sender@example.net>\r\nDelivered-To: alice@example.org\r\nReceived: from a by b\r\n" + Message],
            await h.InboxAsync("alice@example.org"));
    }

    [Fact]
    public async Task Content_longer_than_the_first_read_arrives_whole()
    {
        await using var h = await StartAsync();
        var body = new StringBuilder("Subject: long\r\n\r\n");
        for (var i = 0; i < 5000; i++)
        {
            body.Append("line ").Append(i).Append("\r\n");
        }

        await h.EnqueueAsync(body.ToString(), "", To("alice@example.org"), To("bob@example.org"));

        await h.RunDueAsync();

        Assert.Equal(["Return-Path: <>\r\n" + body], await h.InboxAsync("alice@example.org"));
    }

    [Fact]
    public async Task A_user_over_quota_is_deferred_with_452_4_2_2_and_gets_the_message_once_there_is_room()
    {
        await using var h = await StartAsync();
        await h.Accounts.AddUserAsync("dave@example.org", null, "{PLAIN}x", quotaBytes: 10);
        await h.EnqueueAsync(Message, "sender@example.net", To("dave@example.org"));

        await h.RunDueAsync();

        var dave = Assert.Single(Assert.Single(await h.QueuedAsync()).Recipients);
        Assert.Equal(QueueRecipientState.Pending, dave.State);
        Assert.Equal("452 4.2.2 Mailbox full: quota exceeded", dave.LastReply);
        Assert.Empty(await h.InboxAsync("dave@example.org"));
        Assert.Empty(h.Reports.Reports);

        await h.Accounts.UpdateUserAsync("dave@example.org", 1_000_000, disabled: false);
        h.Clock.Advance(TimeSpan.FromSeconds(300));
        await h.RunDueAsync();

        Assert.Single(await h.InboxAsync("dave@example.org"));
        Assert.Empty(await h.QueuedAsync());
    }

    [Fact]
    public async Task A_user_who_stays_over_quota_bounces_after_the_queue_lifetime()
    {
        await using var h = await StartAsync();
        await h.Accounts.AddUserAsync("dave@example.org", null, "{PLAIN}x", quotaBytes: 10);
        await h.EnqueueAsync(Message, "bob@example.org", To("dave@example.org"));
        await h.RunDueAsync();

        h.Clock.Advance(TimeSpan.FromDays(5));
        await h.RunDueAsync();

        var recipient = Assert.Single(Assert.Single(h.Reports.Reports).Recipients);
        Assert.Equal(ReportAction.Failed, recipient.Action);
        Assert.Equal("452 4.2.2 Mailbox full: quota exceeded", recipient.Reply.ToString());
        Assert.Empty(await h.QueuedAsync());
    }

    [Fact]
    public async Task A_disabled_user_fails_with_550_5_2_1()
    {
        await using var h = await StartAsync();
        await h.Accounts.UpdateUserAsync("alice@example.org", null, disabled: true);
        await h.EnqueueAsync(Message, "bob@example.org", To("alice@example.org"));

        await h.RunDueAsync();

        Assert.Equal("550 5.2.1 Recipient address rejected: Mailbox disabled", Assert.Single(Assert.Single(h.Reports.Reports).Recipients).Reply.ToString());
        Assert.Empty(await h.InboxAsync("alice@example.org"));
        Assert.Empty(await h.QueuedAsync());
    }

    [Fact]
    public async Task An_unknown_user_fails_with_550_5_1_1_and_an_alias_loop_with_550_5_4_6()
    {
        await using var h = await StartAsync();
        await h.Accounts.AddAliasAsync("ping@example.org", ["pong@example.org"]);
        await h.Accounts.AddAliasAsync("pong@example.org", ["ping@example.org"]);
        await h.EnqueueAsync(Message, "bob@example.org", To("nobody@example.org"), To("ping@example.org"));

        await h.RunDueAsync();

        Assert.Equal(
            ["550 5.1.1 Recipient address rejected: User unknown", "550 5.4.6 Recipient address rejected: alias loop"],
            Assert.Single(h.Reports.Reports).Recipients.Select(r => r.Reply.ToString()));
    }

    [Fact]
    public async Task An_alias_that_forwards_elsewhere_queues_the_message_again_for_the_external_address()
    {
        await using var h = await StartAsync();
        await h.Accounts.AddAliasAsync("list@example.org", ["alice@example.org", "carol@example.net"]);
        await h.EnqueueAsync(Message, new QueuedEnvelope(NewQueueId(), "bob@example.org", [To("list@example.org", DsnNotify.Success | DsnNotify.Failure)])
        {
            Received = h.Now,
            EnvelopeId = "e-forward",
        });

        await h.Runner.RunDueAsync(CancellationToken.None);

        // Delivered to alice and forwarded to carol: one success report saying "expanded".
        Assert.Single(await h.InboxAsync("alice@example.org"));
        Assert.Equal(ReportAction.Expanded, Assert.Single(Assert.Single(h.Reports.Reports).Recipients).Action);
        var forward = Assert.Single(await h.QueuedAsync(), m => !m.Envelope.IsReport);
        Assert.Equal("bob@example.org", forward.Envelope.Sender);
        Assert.Equal("e-forward", forward.Envelope.EnvelopeId);
        var carol = Assert.Single(forward.Recipients);
        Assert.Equal("carol@example.net", carol.Address);
        Assert.Equal("rfc822;list@example.org", carol.OriginalRecipient);
        Assert.Equal((int)(DsnNotify.Success | DsnNotify.Failure), carol.Notify);
        await using (var content = await h.Store.Queue.OpenContentAsync(forward.MessageId))
        using (var reader = new StreamReader(content))
        {
            Assert.Equal(Message, await reader.ReadToEndAsync());
        }

        await h.RunDueAsync();
        Assert.Equal(QueueRecipientState.Pending, Assert.Single(Assert.Single(await h.QueuedAsync()).Recipients).State);
    }

    [Fact]
    public async Task An_address_whose_domain_is_no_longer_hosted_is_deferred_to_be_routed_again()
    {
        await using var h = await StartAsync();
        var request = new TransportRequest(
            new QueuedEnvelope("q-gone", "bob@example.org", [To("carol@example.net")]),
            _ => Task.FromResult<Stream>(new MemoryStream(Encoding.UTF8.GetBytes(Message))));

        var result = Assert.Single(await h.Local.DeliverAsync(request, CancellationToken.None));

        Assert.Equal(TransportOutcome.Deferred, result.Outcome);
        Assert.Equal("451 4.3.0 Recipient domain is no longer hosted here; will route again", result.Reply.ToString());
    }

    [Fact]
    public async Task The_unavailable_remote_transport_defers_every_recipient()
    {
        var request = new TransportRequest(
            new QueuedEnvelope("q-remote", "bob@example.org", [To("carol@example.net"), To("dan@example.com")]),
            _ => throw new InvalidOperationException("the content is not needed"));

        var results = await new UnavailableRemoteTransport().DeliverAsync(request, CancellationToken.None);

        Assert.Equal(2, results.Count);
        Assert.All(results, r =>
        {
            Assert.Equal(TransportOutcome.Deferred, r.Outcome);
            Assert.Equal("451 4.4.0 remote delivery is not configured yet", r.Reply.ToString());
        });
    }
}
