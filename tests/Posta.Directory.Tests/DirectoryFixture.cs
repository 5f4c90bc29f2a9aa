using Posta.Storage;
using Posta.Testing;

namespace Posta.Directory.Tests;

/// <summary>A real embedded store in a temporary directory, with the directory services over it.</summary>
internal sealed class DirectoryFixture : IAsyncDisposable
{
    // Stored hashes keep these tests fast; hashing with the default scheme is tested separately.
    public const string PlainHash = "{PLAIN}correct horse battery";

    private readonly TempDirectory _dir;

    private DirectoryFixture(TempDirectory dir, IStore store, DirectoryOptions options)
    {
        _dir = dir;
        Store = store;
        Accounts = new AccountDirectory(store.Directory, options);
        Resolver = new RecipientResolver(store.Directory, options);
    }

    public IStore Store { get; }

    public AccountDirectory Accounts { get; }

    public RecipientResolver Resolver { get; }

    public static async Task<DirectoryFixture> CreateAsync(DirectoryOptions? options = null)
    {
        var dir = new TempDirectory("posta-dir");
        var store = await StoreFactory.OpenAsync(new StoreOptions { DataDirectory = dir.Path });
        return new DirectoryFixture(dir, store, options ?? new DirectoryOptions());
    }

    public async Task AddUsersAsync(params string[] addresses)
    {
        foreach (var address in addresses)
        {
            await Accounts.AddUserAsync(address, password: null, passwordHash: PlainHash);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        _dir.Dispose();
    }
}
