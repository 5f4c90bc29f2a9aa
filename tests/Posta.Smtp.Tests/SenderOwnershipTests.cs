using Posta.Directory;
using Posta.Smtp.Submission;
using Posta.Storage;
using Posta.Testing;

namespace Posta.Smtp.Tests;

/// <summary>Which envelope senders an authenticated user may use on submission.</summary>
public sealed class SenderOwnershipTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new("posta-sender");
    private IStore? _store;
    private SenderOwnership? _ownership;

    public async Task InitializeAsync()
    {
        _store = await StoreFactory.OpenAsync(new StoreOptions { DataDirectory = _dir.Combine("data") });
        var options = new DirectoryOptions();
        var accounts = new AccountDirectory(_store.Directory, options);
        await accounts.AddDomainAsync("example.org");
        await accounts.AddUserAsync("alice@example.org", null, "{PLAIN}a");
        await accounts.AddUserAsync("bob@example.org", null, "{PLAIN}b");
        await accounts.AddAliasAsync("info@example.org", ["alice@example.org"]);
        await accounts.AddAliasAsync("team@example.org", ["alice@example.org", "bob@example.org"]);
        await accounts.AddAliasAsync("sales@example.org", ["info@example.org"]);
        await accounts.AddAliasAsync("@example.org", ["alice@example.org"]);
        _ownership = new SenderOwnership(accounts, new RecipientResolver(_store.Directory, options));
    }

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        _dir.Dispose();
    }

    [Theory]
    [InlineData("alice@example.org")]
    [InlineData("Alice@Example.ORG")]
    [InlineData("alice+lists@example.org")]
    [InlineData("info@example.org")]
    [InlineData("info+web@example.org")]
    [InlineData("sales@example.org")]
    [InlineData("team@example.org")]
    public async Task Alice_owns(string sender) =>
        Assert.True(await _ownership!.IsOwnedAsync(sender, "alice@example.org"));

    [Theory]
    [InlineData("bob@example.org")]
    [InlineData("bob+x@example.org")]
    [InlineData("anything@example.org")]
    [InlineData("alice@example.net")]
    [InlineData("not an address")]
    public async Task Alice_does_not_own(string sender) =>
        Assert.False(await _ownership!.IsOwnedAsync(sender, "alice@example.org"));

    [Fact]
    public async Task A_list_alias_belongs_to_each_member_but_not_a_catch_all()
    {
        Assert.True(await _ownership!.IsOwnedAsync("team@example.org", "bob@example.org"));
        Assert.False(await _ownership.IsOwnedAsync("info@example.org", "bob@example.org"));
        Assert.False(await _ownership.IsOwnedAsync("whatever@example.org", "bob@example.org"));
    }
}
