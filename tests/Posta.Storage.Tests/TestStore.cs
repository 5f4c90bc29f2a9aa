using System.Security.Cryptography;
using System.Text;
using Posta.Storage.Directory;
using Posta.Storage.Sqlite;

namespace Posta.Storage.Tests;

/// <summary>
/// A store in a temporary data directory with one domain (example.org) and one user
/// (alice@example.org), which can be closed and reopened on the same directory.
/// </summary>
public sealed class TestStore : IAsyncDisposable
{
    private readonly TemporaryDirectory _directory;

    private TestStore(TemporaryDirectory directory, StoreOptions options, IStore store, long userId)
    {
        _directory = directory;
        Options = options;
        Store = store;
        UserId = userId;
    }

    public StoreOptions Options { get; }

    public IStore Store { get; private set; }

    public IMailStore Mail => Store.Mail;

    public IDirectoryStore Directory => Store.Directory;

    public long UserId { get; }

    public string DataDirectory => Options.DataDirectory;

    public string BlobRoot => Path.Combine(DataDirectory, SqliteStore.BlobDirectoryName);

    public static async Task<TestStore> CreateAsync(long? defaultQuotaBytes = null, TimeProvider? time = null, long? userQuotaBytes = null)
    {
        var directory = new TemporaryDirectory();
        var options = new StoreOptions
        {
            // Not created yet: the store creates it.
            DataDirectory = Path.Combine(directory.Path, "data"),
            DefaultQuotaBytes = defaultQuotaBytes,
            TimeProvider = time ?? TimeProvider.System,
        };
        var store = await StoreFactory.OpenAsync(options);
        await store.Directory.AddDomainAsync("example.org");
        var user = await store.Directory.AddUserAsync(new NewUser("alice@example.org", "example.org", "{PLAIN}x", userQuotaBytes));
        return new TestStore(directory, options, store, user.Id);
    }

    public async Task<long> AddUserAsync(string address, long? quotaBytes = null) =>
        (await Directory.AddUserAsync(new NewUser(address, "example.org", "{PLAIN}x", quotaBytes))).Id;

    public async Task<MailboxInfo> MailboxAsync(string name, long? userId = null) =>
        await Mail.GetMailboxAsync(userId ?? UserId, name) ?? throw new InvalidOperationException($"no mailbox {name}");

    public async Task<long> InboxIdAsync(long? userId = null) => (await MailboxAsync("INBOX", userId)).Id;

    public Task<AppendResult> AppendAsync(long mailboxId, string body, AppendOptions? options = null) =>
        Mail.AppendAsync(mailboxId, new MemoryStream(Encoding.UTF8.GetBytes(body)), options);

    public async Task ReopenAsync()
    {
        await Store.DisposeAsync();
        Store = await StoreFactory.OpenAsync(Options);
    }

    public string BlobPath(BlobHash hash) => Path.Combine(BlobRoot, hash.Hex[..2], hash.Hex[2..4], hash.Hex);

    /// <summary>Blob files present, excluding temporary files.</summary>
    public IReadOnlyList<string> BlobFiles() =>
        System.IO.Directory.EnumerateFiles(BlobRoot, "*", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(Path.Combine(BlobRoot, "tmp"), StringComparison.Ordinal))
            .ToList();

    public static string Sha256Hex(string body) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        _directory.Dispose();
    }
}
