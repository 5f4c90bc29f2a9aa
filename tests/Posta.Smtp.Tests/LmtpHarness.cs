using Microsoft.Extensions.Logging.Abstractions;
using Posta.Directory;
using Posta.Smtp.Delivery;
using Posta.Smtp.Lmtp;
using Posta.Storage;
using Posta.Testing;

namespace Posta.Smtp.Tests;

/// <summary>A real store in a temporary directory and the LMTP handler over it, driven through in-memory pipes.</summary>
internal sealed class LmtpHarness : IAsyncDisposable
{
    private readonly TempDirectory _dir;

    private LmtpHarness(TempDirectory dir, IStore store, LocalDeliveryOptions options)
    {
        _dir = dir;
        Store = store;
        Options = options;
        var resolver = new RecipientResolver(store.Directory, new DirectoryOptions());
        Accounts = new AccountDirectory(store.Directory, new DirectoryOptions());
        Handler = new LmtpConnectionHandler(
            options,
            new LocalRecipientChecker(resolver, store.Mail),
            new LocalDelivery(store.Mail, NullLogger<LocalDelivery>.Instance),
            NullLogger<LmtpConnectionHandler>.Instance,
            TimeProvider.System);
    }

    public IStore Store { get; }

    public AccountDirectory Accounts { get; }

    public LmtpConnectionHandler Handler { get; }

    public LocalDeliveryOptions Options { get; }

    public string SpoolDirectory => Options.TemporaryDirectory;

    /// <summary>Spool files left behind (the directory exists only once a message outgrew memory).</summary>
    public IEnumerable<string> SpoolFiles() =>
        System.IO.Directory.Exists(SpoolDirectory) ? System.IO.Directory.EnumerateFiles(SpoolDirectory) : [];

    /// <summary>A store with example.org and the users alice and bob.</summary>
    public static async Task<LmtpHarness> StartAsync(long maxMessageSize = LocalDeliveryOptions.DefaultMaxMessageSize, int maxRecipients = LocalDeliveryOptions.DefaultMaxRecipients)
    {
        var dir = new TempDirectory("posta-lmtp");
        var store = await StoreFactory.OpenAsync(new StoreOptions { DataDirectory = dir.Combine("data") });
        var options = new LocalDeliveryOptions
        {
            Hostname = "mx.example.org",
            MaxMessageSize = maxMessageSize,
            MaxRecipients = maxRecipients,
            TemporaryDirectory = dir.Combine("spool"),
        };
        var harness = new LmtpHarness(dir, store, options);
        await harness.Accounts.AddDomainAsync("example.org");
        await harness.Accounts.AddUserAsync("alice@example.org", null, "{PLAIN}alice password");
        await harness.Accounts.AddUserAsync("bob@example.org", null, "{PLAIN}bob password");
        return harness;
    }

    public LmtpTestClient Connect() => new(Handler);

    /// <summary>The bytes of every message in the user's INBOX, by ascending UID.</summary>
    public async Task<IReadOnlyList<byte[]>> InboxAsync(string address)
    {
        var user = await Accounts.GetUserAsync(address);
        var inbox = await Store.Mail.GetMailboxAsync(user.Id, "INBOX") ?? throw new InvalidOperationException("no INBOX");
        var messages = await Store.Mail.FetchAsync(inbox.Id, [UidRange.All]);
        var result = new List<byte[]>();
        foreach (var message in messages)
        {
            await using var stream = await Store.Blobs.OpenReadAsync(message.BlobHash);
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            result.Add(copy.ToArray());
        }

        return result;
    }

    public async Task<IReadOnlyList<MessageRecord>> InboxRecordsAsync(string address)
    {
        var user = await Accounts.GetUserAsync(address);
        var inbox = await Store.Mail.GetMailboxAsync(user.Id, "INBOX") ?? throw new InvalidOperationException("no INBOX");
        return await Store.Mail.FetchAsync(inbox.Id, [UidRange.All]);
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        _dir.Dispose();
    }
}
