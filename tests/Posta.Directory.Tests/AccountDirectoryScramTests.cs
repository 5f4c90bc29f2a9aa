using Posta.Directory.Passwords;
using Posta.Sasl;

namespace Posta.Directory.Tests;

/// <summary>Where users' SCRAM-SHA-256 keys come from, and that they never outlive the password they were made from.</summary>
public sealed class AccountDirectoryScramTests
{
    private const string PencilKeys = "{SCRAM-SHA-256}4096,W22ZaJ0SNY7soEsUEjb6gQ==,WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4qY=,wfPLwcE6nTWhTAmQ7tl2KeoiWGPlZqQxSrmfPwDl2dU=";

    private static async Task<DirectoryFixture> FixtureAsync()
    {
        // MD5-CRYPT keeps the test quick (the default schemes take half a second a hash); the scheme does not matter to SCRAM.
        var f = await DirectoryFixture.CreateAsync(new DirectoryOptions { PasswordScheme = "MD5-CRYPT" });
        await f.Accounts.AddDomainAsync("example.org");
        return f;
    }

    private static ScramCredentials Keys(string? stored)
    {
        Assert.NotNull(stored);
        Assert.True(ScramCredentials.TryParse(stored, out var keys), stored);
        return keys;
    }

    private static void AssertKeysFor(string? stored, string password)
    {
        var keys = Keys(stored);
        Assert.Equal(ScramCredentials.DefaultIterations, keys.Iterations);
        Assert.Equal(stored, ScramCredentials.Derive(password, keys.Salt, keys.Iterations).Format());
    }

    [Fact]
    public async Task A_new_password_stores_a_hash_and_scram_keys_for_it()
    {
        await using var f = await FixtureAsync();
        var added = await f.Accounts.AddUserAsync("alice@example.org", "correct horse battery", null);
        Assert.StartsWith("{MD5-CRYPT}", added.PasswordHash, StringComparison.Ordinal);
        AssertKeysFor(added.ScramSha256, "correct horse battery");
        AssertKeysFor((await f.Store.Directory.GetUserAsync("alice@example.org"))!.ScramSha256, "correct horse battery");
    }

    [Fact]
    public async Task With_scram_as_the_password_scheme_the_hash_is_the_keys()
    {
        await using var f = await DirectoryFixture.CreateAsync(new DirectoryOptions { PasswordScheme = "SCRAM-SHA-256" });
        await f.Accounts.AddDomainAsync("example.org");
        var added = await f.Accounts.AddUserAsync("alice@example.org", "correct horse battery", null);
        Assert.Equal(added.PasswordHash, added.ScramSha256);
        AssertKeysFor(added.ScramSha256, "correct horse battery");
        Assert.True((await f.Accounts.AuthenticateAsync("alice@example.org", "correct horse battery")).Succeeded);
    }

    [Fact]
    public async Task Changing_the_password_replaces_the_keys()
    {
        await using var f = await FixtureAsync();
        var before = (await f.Accounts.AddUserAsync("alice@example.org", "correct horse battery", null)).ScramSha256;
        await f.Accounts.SetPasswordAsync("alice@example.org", "another long secret", null);
        var after = (await f.Store.Directory.GetUserAsync("alice@example.org"))!.ScramSha256;
        Assert.NotEqual(before, after);
        AssertKeysFor(after, "another long secret");
    }

    [Fact]
    public async Task An_imported_scram_hash_serves_as_password_hash_and_as_keys()
    {
        await using var f = await FixtureAsync();
        var added = await f.Accounts.AddUserAsync("alice@example.org", null, PencilKeys.Replace("SCRAM-SHA-256", "Scram-Sha-256", StringComparison.Ordinal));
        Assert.Equal(PencilKeys, added.ScramSha256);
        Assert.True((await f.Accounts.AuthenticateAsync("alice@example.org", "pencil")).Succeeded);
        Assert.Equal(PencilKeys, (await f.Store.Directory.GetUserAsync("alice@example.org"))!.ScramSha256);
    }

    [Fact]
    public async Task Another_imported_hash_clears_the_keys_of_the_old_password()
    {
        await using var f = await FixtureAsync();
        await f.Accounts.AddUserAsync("alice@example.org", "correct horse battery", null);
        await f.Accounts.SetPasswordAsync("alice@example.org", null, PasswordHasher.Hash("imported secret", "SHA256-CRYPT", 1000));
        Assert.Null((await f.Store.Directory.GetUserAsync("alice@example.org"))!.ScramSha256);
    }

    [Fact]
    public async Task A_successful_password_login_adds_keys_to_a_user_without_them()
    {
        await using var f = await FixtureAsync();
        var added = await f.Accounts.AddUserAsync("alice@example.org", null, PasswordHasher.Hash("imported secret", "SHA256-CRYPT", 1000));
        Assert.Null(added.ScramSha256);

        Assert.False((await f.Accounts.AuthenticateAsync("alice@example.org", "wrong secret")).Succeeded);
        Assert.Null((await f.Store.Directory.GetUserAsync("alice@example.org"))!.ScramSha256);

        var result = await f.Accounts.AuthenticateAsync("alice@example.org", "imported secret");
        Assert.True(result.Succeeded);
        AssertKeysFor(result.User!.ScramSha256, "imported secret");
        var stored = (await f.Store.Directory.GetUserAsync("alice@example.org"))!.ScramSha256;
        Assert.Equal(result.User.ScramSha256, stored);

        // Once there, later logins leave the keys alone.
        Assert.True((await f.Accounts.AuthenticateAsync("alice@example.org", "imported secret")).Succeeded);
        Assert.Equal(stored, (await f.Store.Directory.GetUserAsync("alice@example.org"))!.ScramSha256);
    }

    [Fact]
    public async Task A_password_saslprep_refuses_logs_in_without_getting_keys()
    {
        await using var f = await FixtureAsync();
        var added = await f.Accounts.AddUserAsync("alice@example.org", "tab\tin the middle", null);
        Assert.Null(added.ScramSha256);
        Assert.True((await f.Accounts.AuthenticateAsync("alice@example.org", "tab\tin the middle")).Succeeded);
        Assert.Null((await f.Store.Directory.GetUserAsync("alice@example.org"))!.ScramSha256);
    }

    [Fact]
    public async Task A_login_still_succeeds_when_the_keys_cannot_be_written()
    {
        await using var f = await FixtureAsync();
        await f.Accounts.AddUserAsync("alice@example.org", null, PasswordHasher.Hash("imported secret", "SHA256-CRYPT", 1000));
        var user = (await f.Store.Directory.GetUserAsync("alice@example.org"))!;
        var failing = new AccountDirectory(new ScramWriteFailingStore(f.Store.Directory), f.Accounts.Options);

        var result = await failing.AuthenticateAsync("alice@example.org", "imported secret");
        Assert.True(result.Succeeded);
        Assert.Equal(user.Id, result.User!.Id);
        Assert.Null(result.User.ScramSha256);
    }
}
