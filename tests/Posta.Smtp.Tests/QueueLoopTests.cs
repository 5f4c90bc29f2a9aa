using System.Diagnostics;
using Posta.Storage.Queue;
using static Posta.Smtp.Tests.QueueHarness;

namespace Posta.Smtp.Tests;

/// <summary>The runner as a hosted service: it wakes on its own when mail is queued and when a retry is due.</summary>
public class QueueLoopTests
{
    private const string Message = "Subject: loop\r\n\r\nHello\r\n";

    [Fact]
    public async Task The_running_runner_delivers_mail_as_soon_as_it_is_queued()
    {
        await using var h = await StartAsync();
        await h.Runner.StartAsync(CancellationToken.None);
        try
        {
            await h.EnqueueAsync(Message, "sender@example.net", To("alice@example.org"));
            await EventuallyAsync(async () => (await h.InboxAsync("alice@example.org")).Count == 1);

            await h.EnqueueAsync(Message, "sender@example.net", To("bob@example.org"));
            await EventuallyAsync(async () => (await h.InboxAsync("bob@example.org")).Count == 1);
            await EventuallyAsync(async () => (await h.QueuedAsync()).Count == 0);
        }
        finally
        {
            await h.Runner.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task The_running_runner_wakes_when_a_deferred_recipient_is_due()
    {
        await using var h = await StartAsync();
        await h.Runner.StartAsync(CancellationToken.None);
        try
        {
            await h.EnqueueAsync(Message, "alice@example.org", To("carol@example.net"));
            await EventuallyAsync(async () => await AttemptsAsync(h) == 1);

            h.Clock.Advance(TimeSpan.FromSeconds(299));
            await Task.Delay(200);
            Assert.Equal(1, await AttemptsAsync(h));

            h.Clock.Advance(TimeSpan.FromSeconds(1));
            await EventuallyAsync(async () => await AttemptsAsync(h) == 2);

            h.Clock.Advance(TimeSpan.FromSeconds(600));
            await EventuallyAsync(async () => await AttemptsAsync(h) == 3);
        }
        finally
        {
            await h.Runner.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Mail_queued_while_the_runner_was_stopped_is_delivered_when_it_starts()
    {
        await using var h = await StartAsync();
        await h.EnqueueAsync(Message, "sender@example.net", To("alice@example.org"));

        await h.Runner.StartAsync(CancellationToken.None);
        try
        {
            await EventuallyAsync(async () => (await h.InboxAsync("alice@example.org")).Count == 1);
        }
        finally
        {
            await h.Runner.StopAsync(CancellationToken.None);
        }

        Assert.Empty(await h.QueuedAsync());
    }

    [Fact]
    public async Task Stopping_interrupts_a_delivery_in_progress_and_records_it_as_deferred()
    {
        var called = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var remote = new HangingTransport(called);
        await using var h = await StartAsync(remote);
        await h.Runner.StartAsync(CancellationToken.None);
        await h.EnqueueAsync(Message, "alice@example.org", To("carol@example.net"));
        await called.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await h.Runner.StopAsync(CancellationToken.None);

        var carol = Assert.Single(Assert.Single(await h.QueuedAsync()).Recipients);
        Assert.Equal(QueueRecipientState.Pending, carol.State);
        Assert.Equal("451 4.3.0 Delivery interrupted: the server is stopping", carol.LastReply);
        Assert.Null(carol.LeaseUntil);
        Assert.Equal(h.Now.AddSeconds(300), carol.NextAttempt);
    }

    private static async Task<int> AttemptsAsync(QueueHarness h) =>
        (await h.QueuedAsync()).SelectMany(m => m.Recipients).Where(r => r.State == QueueRecipientState.Pending).Select(r => r.Attempts).DefaultIfEmpty(0).Max();

    private static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "the runner did not get there within 10 seconds");
            await Task.Delay(20);
        }
    }
}
