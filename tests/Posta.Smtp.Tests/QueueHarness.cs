using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Posta.Directory;
using Posta.Smtp.Outbound.Queue;
using Posta.Smtp.Protocol.Commands;
using Posta.Storage;
using Posta.Storage.Queue;
using Posta.Testing;

namespace Posta.Smtp.Tests;

/// <summary>
/// A real store in a temporary directory (example.org with alice and bob), the message queue over
/// it, the local transport, a remote transport chosen by the test, a recording report builder and
/// the runner, all on one clock the test moves.
/// </summary>
internal sealed class QueueHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(1_760_000_000);

    private readonly TempDirectory _dir;

    private QueueHarness(TempDirectory dir, IStore store, FakeTimeProvider clock, IDeliveryTransport? remote, IDeliveryTransport? local, QueueOptions options)
    {
        _dir = dir;
        Store = store;
        Clock = clock;
        Options = options;
        Accounts = new AccountDirectory(store.Directory, new DirectoryOptions());
        Queue = new MessageQueue(store.Queue, NullLogger<MessageQueue>.Instance);
        Local = local ?? new LocalTransport(
            new RecipientResolver(store.Directory, new DirectoryOptions()),
            store.Mail,
            Queue,
            clock,
            NullLogger<LocalTransport>.Instance);
        Remote = remote ?? new UnavailableRemoteTransport();
        Runner = new QueueRunner(Queue, store.Directory, Local, Remote, Reports, options, clock, NullLogger<QueueRunner>.Instance);
    }

    public IStore Store { get; }

    public FakeTimeProvider Clock { get; }

    public QueueOptions Options { get; }

    public AccountDirectory Accounts { get; }

    public MessageQueue Queue { get; }

    public IDeliveryTransport Local { get; }

    public IDeliveryTransport Remote { get; }

    public RecordingReportBuilder Reports { get; } = new();

    public QueueRunner Runner { get; }

    public DateTimeOffset Now => Clock.GetUtcNow();

    public static async Task<QueueHarness> StartAsync(IDeliveryTransport? remote = null, IDeliveryTransport? local = null, QueueOptions? options = null)
    {
        var dir = new TempDirectory("posta-queue");
        var clock = new FakeTimeProvider(Start);
        var store = await StoreFactory.OpenAsync(new StoreOptions { DataDirectory = dir.Combine("data"), TimeProvider = clock });
        var harness = new QueueHarness(dir, store, clock, remote, local, options ?? new QueueOptions { Hostname = "mx.example.org" });
        await harness.Accounts.AddDomainAsync("example.org");
        await harness.Accounts.AddUserAsync("alice@example.org", null, "{PLAIN}alice password");
        await harness.Accounts.AddUserAsync("bob@example.org", null, "{PLAIN}bob password");
        return harness;
    }

    public static QueuedRecipient To(string address, DsnNotify notify = DsnNotify.Unspecified, string? originalRecipient = null) =>
        new(address, originalRecipient, notify);

    /// <summary>Queues <paramref name="content"/>, received now unless the envelope says otherwise.</summary>
    public Task EnqueueAsync(string content, string sender, params QueuedRecipient[] recipients) =>
        EnqueueAsync(content, new QueuedEnvelope(NewQueueId(), sender, recipients) { Received = Now });

    public Task EnqueueAsync(string content, QueuedEnvelope envelope) =>
        Queue.EnqueueAsync(new MemoryStream(Encoding.UTF8.GetBytes(content)), envelope);

    /// <summary>Runs the runner over what is due until nothing is; returns how many recipients it leased.</summary>
    public async Task<int> RunDueAsync()
    {
        var total = 0;
        int leased;
        while ((leased = await Runner.RunDueAsync(CancellationToken.None)) > 0)
        {
            total += leased;
        }

        return total;
    }

    public async Task<IReadOnlyList<QueuedMessageInfo>> QueuedAsync() => await Store.Queue.ListAsync();

    /// <summary>The text of every message in the user's INBOX, by ascending UID.</summary>
    public async Task<IReadOnlyList<string>> InboxAsync(string address)
    {
        var user = await Accounts.GetUserAsync(address);
        var inbox = await Store.Mail.GetMailboxAsync(user.Id, "INBOX") ?? throw new InvalidOperationException("no INBOX");
        var result = new List<string>();
        foreach (var message in await Store.Mail.FetchAsync(inbox.Id, [UidRange.All]))
        {
            await using var stream = await Store.Blobs.OpenReadAsync(message.BlobHash);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            result.Add(await reader.ReadToEndAsync());
        }

        return result;
    }

    public static string NewQueueId() => Guid.NewGuid().ToString("N")[..16];

    public async ValueTask DisposeAsync()
    {
        Runner.Dispose();
        await Store.DisposeAsync();
        _dir.Dispose();
    }
}
