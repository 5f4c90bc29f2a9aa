using Posta.Smtp.Outbound.Dsn;
using Posta.Smtp.Outbound.Queue;
using Posta.Smtp.Protocol.Commands;
using Posta.Smtp.Protocol.Replies;
using Posta.Storage.Queue;
using static Posta.Smtp.Tests.QueueHarness;

namespace Posta.Smtp.Tests;

public class QueueRunnerTests
{
    private const string Message = "Received: from client.example.net by mx.example.org\r\nSubject: queued\r\n\r\nHello\r\n";

    [Fact]
    public async Task Local_recipients_are_delivered_into_the_store_and_the_message_leaves_the_queue()
    {
        await using var h = await StartAsync();
        await h.EnqueueAsync(Message, "sender@example.net", To("alice@example.org"), To("bob@example.org"));

        Assert.Equal(2, await h.RunDueAsync());

        // Two users share one stored copy, so no Delivered-To names either of them.
        var expected = "Return-Path: <sender@example.net>\r\n" + Message;
        Assert.Equal([expected], await h.InboxAsync("alice@example.org"));
        Assert.Equal([expected], await h.InboxAsync("bob@example.org"));
        Assert.Empty(await h.QueuedAsync());
        Assert.Empty(h.Reports.Reports);
    }

    [Fact]
    public async Task Remote_recipients_wait_in_the_queue_deferred_with_451_4_4_0()
    {
        await using var h = await StartAsync();
        await h.EnqueueAsync(Message, "alice@example.org", To("alice@example.org"), To("carol@example.net"));

        await h.RunDueAsync();

        Assert.Single(await h.InboxAsync("alice@example.org"));
        var message = Assert.Single(await h.QueuedAsync());
        Assert.Equal([QueueRecipientState.Delivered, QueueRecipientState.Pending], message.Recipients.Select(r => r.State));
        var carol = message.Recipients[1];
        Assert.Equal("451 4.4.0 remote delivery is not configured yet", carol.LastReply);
        Assert.Equal(1, carol.Attempts);
        Assert.Equal(h.Now.AddSeconds(300), carol.NextAttempt);
        Assert.Empty(h.Reports.Reports);
    }

    [Fact]
    public async Task A_deferred_recipient_is_retried_on_Postfixs_schedule_doubling_from_300_to_4000_seconds()
    {
        var remote = new ScriptedTransport(r => [.. r.Recipients.Select(_ => TransportResult.Deferred(new SmtpReply(421, new EnhancedStatusCode(4, 4, 2), "try later")))]);
        await using var h = await StartAsync(remote);
        await h.EnqueueAsync(Message, "alice@example.org", To("carol@example.net"));
        await h.RunDueAsync();

        foreach (var (wait, attempts) in new[] { (300, 2), (600, 3), (1200, 4), (2400, 5), (4000, 6), (4000, 7) })
        {
            h.Clock.Advance(TimeSpan.FromSeconds(wait - 1));
            Assert.Equal(0, await h.RunDueAsync());
            h.Clock.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal(1, await h.RunDueAsync());
            var carol = Assert.Single(Assert.Single(await h.QueuedAsync()).Recipients);
            Assert.Equal(attempts, carol.Attempts);
        }

        Assert.Equal(7, remote.Requests.Count);
        Assert.Equal(h.Now.AddSeconds(4000), await h.Store.Queue.NextDueAsync());
    }

    [Fact]
    public async Task After_five_days_a_deferred_recipient_bounces_and_the_sender_gets_a_report()
    {
        await using var h = await StartAsync();
        var received = h.Now;
        await h.EnqueueAsync(Message, new QueuedEnvelope(NewQueueId(), "alice@example.org", [To("carol@example.net", originalRecipient: "rfc822;Carol@example.net")])
        {
            Received = received,
            EnvelopeId = "env-42",
            Return = DsnReturn.Headers,
        });
        await h.RunDueAsync();

        h.Clock.Advance(TimeSpan.FromDays(5) - TimeSpan.FromSeconds(1));
        await h.RunDueAsync();
        Assert.Empty(h.Reports.Reports);
        Assert.Equal(QueueRecipientState.Pending, Assert.Single(Assert.Single(await h.QueuedAsync()).Recipients).State);

        h.Clock.Advance(TimeSpan.FromSeconds(4000));
        await h.RunDueAsync();

        var report = Assert.Single(h.Reports.Reports);
        Assert.Equal("mx.example.org", report.ReportingMta);
        Assert.Equal("alice@example.org", report.Sender);
        Assert.Equal("env-42", report.EnvelopeId);
        Assert.Equal(DsnReturn.Headers, report.Return);
        Assert.Equal(received, report.ArrivalDate);
        var recipient = Assert.Single(report.Recipients);
        Assert.Equal("carol@example.net", recipient.FinalRecipient);
        Assert.Equal("rfc822;Carol@example.net", recipient.OriginalRecipient);
        Assert.Equal(ReportAction.Failed, recipient.Action);
        Assert.Equal("451 4.4.0 remote delivery is not configured yet", recipient.Reply.ToString());
        Assert.Equal(h.Now, recipient.LastAttempt);

        // The original is gone; the report went to the sender's mailbox from the null reverse-path.
        Assert.Empty(await h.QueuedAsync());
        var inbox = Assert.Single(await h.InboxAsync("alice@example.org"));
        Assert.StartsWith("Return-Path: <>\r\nDelivered-To: alice@example.org\r\nFrom: MAILER-DAEMON@mx.example.org\r\n", inbox, StringComparison.Ordinal);
        Assert.Contains("carol@example.net Failed 451 4.4.0 remote delivery is not configured yet\r\n", inbox, StringComparison.Ordinal);
        Assert.Contains("Original: Received: from client.example.net by mx.example.org\r\n", inbox, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_is_queued_as_a_report_from_the_null_reverse_path_to_the_sender_alone()
    {
        await using var h = await StartAsync();
        await h.EnqueueAsync(Message, new QueuedEnvelope(NewQueueId(), "dave@example.net", [To("nobody@example.org")]) { Received = h.Now, SmtpUtf8 = true });

        Assert.Equal(1, await h.Runner.RunDueAsync(CancellationToken.None));

        var queued = Assert.Single(await h.QueuedAsync());
        Assert.True(queued.Envelope.IsReport);
        Assert.True(queued.Envelope.SmtpUtf8);
        Assert.Equal(string.Empty, queued.Envelope.Sender);
        Assert.Equal(["dave@example.net"], queued.Recipients.Select(r => r.Address));
        Assert.Equal([0], queued.Recipients.Select(r => r.Notify));
        var recipient = Assert.Single(Assert.Single(h.Reports.Reports).Recipients);
        Assert.Equal("550 5.1.1 Recipient address rejected: User unknown", recipient.Reply.ToString());
    }

    [Fact]
    public async Task A_report_that_cannot_be_delivered_is_given_up_after_one_day_without_a_report()
    {
        await using var h = await StartAsync();
        await h.EnqueueAsync("Subject: report\r\n\r\nx\r\n", new QueuedEnvelope(NewQueueId(), "", [To("carol@example.net")]) { Received = h.Now, IsReport = true });
        await h.RunDueAsync();

        h.Clock.Advance(TimeSpan.FromDays(1) - TimeSpan.FromSeconds(1));
        await h.RunDueAsync();
        Assert.Single(await h.QueuedAsync());

        h.Clock.Advance(TimeSpan.FromSeconds(4000));
        await h.RunDueAsync();

        Assert.Empty(await h.QueuedAsync());
        Assert.Empty(h.Reports.Reports);
    }

    [Fact]
    public async Task A_failed_report_is_never_reported()
    {
        await using var h = await StartAsync();
        await h.EnqueueAsync("Subject: report\r\n\r\nx\r\n", new QueuedEnvelope(NewQueueId(), "", [To("nobody@example.org")]) { Received = h.Now, IsReport = true });

        await h.RunDueAsync();

        Assert.Empty(await h.QueuedAsync());
        Assert.Empty(h.Reports.Reports);
    }

    [Fact]
    public async Task Mail_from_the_null_reverse_path_is_never_reported_even_when_not_marked_as_a_report()
    {
        await using var h = await StartAsync();
        await h.EnqueueAsync(Message, "", To("nobody@example.org", DsnNotify.Failure | DsnNotify.Success), To("alice@example.org", DsnNotify.Success));

        await h.RunDueAsync();

        Assert.Empty(await h.QueuedAsync());
        Assert.Empty(h.Reports.Reports);
        Assert.Single(await h.InboxAsync("alice@example.org"));
    }

    [Fact]
    public async Task NOTIFY_SUCCESS_gets_a_delivered_report_and_no_NOTIFY_gets_none()
    {
        await using var h = await StartAsync();
        await h.EnqueueAsync(Message, "bob@example.org", To("alice@example.org", DsnNotify.Success | DsnNotify.Failure, "rfc822;alice@example.org"));
        await h.EnqueueAsync(Message, "bob@example.org", To("alice@example.org"));

        await h.RunDueAsync();

        var report = Assert.Single(h.Reports.Reports);
        var recipient = Assert.Single(report.Recipients);
        Assert.Equal(ReportAction.Delivered, recipient.Action);
        Assert.Equal("alice@example.org", recipient.FinalRecipient);
        Assert.Equal("rfc822;alice@example.org", recipient.OriginalRecipient);
        Assert.Equal(250, recipient.Reply.Code);
        Assert.Equal(new EnhancedStatusCode(2, 0, 0), recipient.Reply.Status);
        Assert.Null(recipient.RemoteMta);
        Assert.Equal(2, (await h.InboxAsync("alice@example.org")).Count);
        var notice = Assert.Single(await h.InboxAsync("bob@example.org"));
        Assert.Contains("alice@example.org Delivered 250 2.0.0", notice, StringComparison.Ordinal);
        Assert.Empty(await h.QueuedAsync());
    }

    [Fact]
    public async Task NOTIFY_NEVER_and_NOTIFY_SUCCESS_alone_get_no_failure_report()
    {
        await using var h = await StartAsync();
        await h.EnqueueAsync(Message, "bob@example.org", To("nobody@example.org", DsnNotify.Never), To("nobody2@example.org", DsnNotify.Success));

        await h.RunDueAsync();

        Assert.Empty(h.Reports.Reports);
        Assert.Empty(await h.QueuedAsync());
        Assert.Empty(await h.InboxAsync("bob@example.org"));
    }

    [Fact]
    public async Task Failures_of_one_attempt_are_reported_together_with_the_remote_MTA()
    {
        var remote = new ScriptedTransport(r => [.. r.Recipients.Select(x => TransportResult.Failed(new SmtpReply(550, new EnhancedStatusCode(5, 1, 1), $"<{x.Address}> no such user"), "dns;mx.example.net"))]);
        await using var h = await StartAsync(remote);
        await h.EnqueueAsync(Message, "bob@example.org", To("carol@example.net"), To("dan@example.net"), To("alice@example.org"));

        await h.RunDueAsync();

        var request = Assert.Single(remote.Requests);
        Assert.Equal(["carol@example.net", "dan@example.net"], request.Recipients.Select(r => r.Address));
        Assert.Equal("bob@example.org", request.Sender);
        var report = Assert.Single(h.Reports.Reports);
        Assert.Equal(["carol@example.net", "dan@example.net"], report.Recipients.Select(r => r.FinalRecipient));
        Assert.All(report.Recipients, r => Assert.Equal("dns;mx.example.net", r.RemoteMta));
        Assert.All(report.Recipients, r => Assert.Equal(ReportAction.Failed, r.Action));
        Assert.Single(await h.InboxAsync("alice@example.org"));
        Assert.Single(await h.InboxAsync("bob@example.org"));
    }

    [Fact]
    public async Task A_transport_that_throws_defers_its_recipients_with_451_4_3_0()
    {
        var remote = new ScriptedTransport(_ => throw new IOException("connection reset"));
        await using var h = await StartAsync(remote);
        await h.EnqueueAsync(Message, "bob@example.org", To("carol@example.net"), To("alice@example.org"));

        await h.RunDueAsync();

        var recipients = Assert.Single(await h.QueuedAsync()).Recipients;
        Assert.Equal(QueueRecipientState.Pending, recipients[0].State);
        Assert.Equal("451 4.3.0 Error: local error in processing", recipients[0].LastReply);
        Assert.Equal(QueueRecipientState.Delivered, recipients[1].State);
    }

    [Fact]
    public async Task A_transport_that_answers_for_the_wrong_number_of_recipients_defers_them()
    {
        var remote = new ScriptedTransport(_ => [TransportResult.Delivered()]);
        await using var h = await StartAsync(remote);
        await h.EnqueueAsync(Message, "bob@example.org", To("carol@example.net"), To("dan@example.net"));

        await h.RunDueAsync();

        Assert.All(Assert.Single(await h.QueuedAsync()).Recipients, r =>
        {
            Assert.Equal(QueueRecipientState.Pending, r.State);
            Assert.Equal("451 4.3.0 Error: local error in processing", r.LastReply);
        });
    }

    [Fact]
    public async Task When_the_report_cannot_be_built_the_failed_recipient_stays_queued_to_be_reported_later()
    {
        await using var h = await StartAsync();
        h.Reports.Failure = new InvalidOperationException("builder broken");
        await h.EnqueueAsync(Message, "bob@example.org", To("nobody@example.org"), To("alice@example.org", DsnNotify.Success));

        await h.RunDueAsync();

        var recipients = Assert.Single(await h.QueuedAsync()).Recipients;
        Assert.Equal(QueueRecipientState.Pending, recipients[0].State);
        Assert.Equal(h.Now.AddSeconds(300), recipients[0].NextAttempt);
        Assert.Equal(QueueRecipientState.Delivered, recipients[1].State);
        Assert.Single(await h.InboxAsync("alice@example.org"));

        h.Reports.Failure = null;
        h.Clock.Advance(TimeSpan.FromSeconds(300));
        await h.RunDueAsync();

        Assert.Equal(ReportAction.Failed, Assert.Single(Assert.Single(h.Reports.Reports).Recipients).Action);
        Assert.Single(await h.InboxAsync("bob@example.org"));
        Assert.Empty(await h.QueuedAsync());
    }

    [Fact]
    public async Task The_transport_gets_the_envelope_and_can_read_the_content()
    {
        string? content = null;
        var remote = new ScriptedTransport(r =>
        {
            using var stream = r.OpenContentAsync().GetAwaiter().GetResult();
            using var reader = new StreamReader(stream);
            content = reader.ReadToEnd();
            return [.. r.Recipients.Select(_ => TransportResult.Delivered(SmtpReplies.Queued, "dns;mx.example.net") with { SuccessAction = null })];
        });
        await using var h = await StartAsync(remote);
        await h.EnqueueAsync(Message, new QueuedEnvelope("q-envelope-1", "bob@example.org", [To("carol@example.net", DsnNotify.Success | DsnNotify.Delay, "rfc822;carol@example.net")])
        {
            Received = h.Now,
            EnvelopeId = "e1",
            Return = DsnReturn.Full,
            Body = BodyType.EightBitMime,
            SmtpUtf8 = true,
            RequireTls = true,
            AuthenticatedUser = "bob@example.org",
            Client = "client.example.net [192.0.2.1]",
        });

        await h.RunDueAsync();

        var request = Assert.Single(remote.Requests);
        Assert.Equal("q-envelope-1", request.QueueId);
        Assert.Equal(BodyType.EightBitMime, request.Body);
        Assert.Equal(
            new QueuedEnvelope("q-envelope-1", "bob@example.org", request.Recipients)
            {
                Received = QueueHarness.Start,
                EnvelopeId = "e1",
                Return = DsnReturn.Full,
                Body = BodyType.EightBitMime,
                SmtpUtf8 = true,
                RequireTls = true,
                AuthenticatedUser = "bob@example.org",
                Client = "client.example.net [192.0.2.1]",
            },
            request.Envelope);
        Assert.Equal([To("carol@example.net", DsnNotify.Success | DsnNotify.Delay, "rfc822;carol@example.net")], request.Recipients);
        Assert.Equal(Message, content);

        // The next hop took the NOTIFY request over: no success report from here.
        Assert.Empty(h.Reports.Reports);
        Assert.Empty(await h.QueuedAsync());
    }
}
