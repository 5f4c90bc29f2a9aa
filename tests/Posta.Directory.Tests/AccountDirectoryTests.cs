using Posta.Directory.Passwords;

namespace Posta.Directory.Tests;

public sealed class AccountDirectoryTests
{
    [Fact]
    public async Task Domains_are_normalised_and_duplicates_refused()
    {
        await using var f = await DirectoryFixture.CreateAsync();
        var added = await f.Accounts.AddDomainAsync(" Bücher.Example. ");
        Assert.Equal("xn--bcher-kva.example", added.Name);

        var e = await Assert.ThrowsAsync<DirectoryException>(() => f.Accounts.AddDomainAsync("BÜCHER.example"));
        Assert.Contains("exists already", e.Message, StringComparison.Ordinal);
        Assert.Single(await f.Store.Directory.ListDomainsAsync());
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("localhost", "fully qualified")]
    [InlineData("bad_name.example", "not a valid domain")]
    [InlineData("-lead.example", "not a valid domain")]
    public async Task Invalid_domains_are_refused_with_the_reason(string name, string reason)
    {
        await using var f = await DirectoryFixture.CreateAsync();
        var e = await Assert.ThrowsAsync<DirectoryException>(() => f.Accounts.AddDomainAsync(name));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
        Assert.Empty(await f.Store.Directory.ListDomainsAsync());
    }

    [Fact]
    public async Task Removing_a_domain_with_users_needs_force_and_then_takes_everything()
    {
        await using var f = await DirectoryFixture.CreateAsync();
        await f.Accounts.AddDomainAsync("example.org");
        await f.AddUsersAsync("alice@example.org");
        await f.Accounts.AddAliasAsync("info@example.org", ["alice@example.org"]);

        var e = await Assert.ThrowsAsync<DirectoryException>(() => f.Accounts.RemoveDomainAsync("example.org", force: false));
        Assert.Contains("--force", e.Message, StringComparison.Ordinal);
        Assert.NotNull(await f.Store.Directory.GetUserAsync("alice@example.org"));

        await f.Accounts.RemoveDomainAsync("example.org", force: true);
        Assert.Empty(await f.Store.Directory.ListDomainsAsync());
        Assert.Null(await f.Store.Directory.GetUserAsync("alice@example.org"));
        Assert.Null(await f.Store.Directory.GetAliasAsync("info@example.org"));

        var missing = await Assert.ThrowsAsync<DirectoryException>(() => f.Accounts.RemoveDomainAsync("example.org", force: true));
        Assert.Contains("does not exist", missing.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("alice", "no @domain")]
    [InlineData("@example.org", "before @ is empty")]
    [InlineData("a..b@example.org", "two dots")]
    [InlineData("a b@example.org", "not allowed")]
    [InlineData("alice@nowhere.example", "does not exist")]
    public async Task Bad_user_addresses_are_refused_and_nothing_is_written(string address, string reason)
    {
        await using var f = await DirectoryFixture.CreateAsync();
        await f.Accounts.AddDomainAsync("example.org");
        var e = await Assert.ThrowsAsync<DirectoryException>(() => f.Accounts.AddUserAsync(address, null, DirectoryFixture.PlainHash));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
        Assert.Empty(await f.Store.Directory.ListUsersAsync());
    }

    [Fact]
    public async Task A_duplicate_user_or_an_alias_address_is_refused()
    {
        await using var f = await DirectoryFixture.CreateAsync();
        await f.Accounts.AddDomainAsync("example.org");
        await f.AddUsersAsync("alice@example.org");
        await f.Accounts.AddAliasAsync("info@example.org", ["alice@example.org"]);

        var dup = await Assert.ThrowsAsync<DirectoryException>(() => f.Accounts.AddUserAsync("ALICE@example.org", null, DirectoryFixture.PlainHash));
        Assert.Contains("exists already", dup.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<DirectoryException>(() => f.Accounts.AddUserAsync("info@example.org", null, DirectoryFixture.PlainHash));
        await Assert.ThrowsAsync<DirectoryException>(() => f.Accounts.AddAliasAsync("alice@example.org", ["info@example.org"]));
        Assert.Single(await f.Store.Directory.ListUsersAsync());
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("short", "too short")]
    [InlineData("aaaaaaaaaaaa", "too weak")]
    [InlineData("alice@example.org", "own address")]
    public async Task Weak_passwords_are_refused(string password, string reason)
    {
        await using var f = await DirectoryFixture.CreateAsync();
        await f.Accounts.AddDomainAsync("example.org");
        var e = await Assert.ThrowsAsync<DirectoryException>(() => f.Accounts.AddUserAsync("alice@example.org", password, null));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
        Assert.Empty(await f.Store.Directory.ListUsersAsync());
    }

    [Fact]
    public async Task New_passwords_get_the_slow_default_scheme_and_log_in()
    {
        await using var f = await DirectoryFixture.CreateAsync();
        await f.Accounts.AddDomainAsync("example.org");
        var user = await f.Accounts.AddUserAsync("alice@example.org", "correct horse battery", null);
        Assert.StartsWith("{BLF-CRYPT}$2y$12$", user.PasswordHash, StringComparison.Ordinal);

        Assert.True((await f.Accounts.AuthenticateAsync("alice@example.org", "correct horse battery")).Succeeded);
        Assert.False((await f.Accounts.AuthenticateAsync("alice@example.org", "wrong horse battery")).Succeeded);
    }

    [Fact]
    public async Task An_imported_hash_is_checked_and_kept_as_given()
    {
        await using var f = await DirectoryFixture.CreateAsync();
        await f.Accounts.AddDomainAsync("example.org");
        var hash = PasswordHasher.Hash("imported secret", "SHA512-CRYPT", 5000);
        var user = await f.Accounts.AddUserAsync("alice@example.org", null, hash);
        Assert.Equal(hash, user.PasswordHash);
        Assert.True((await f.Accounts.AuthenticateAsync("alice@example.org", "imported secret")).Succeeded);

        var e = await Assert.ThrowsAsync<DirectoryException>(() => f.Accounts.AddUserAsync("bob@example.org", null, "{NOPE}abc"));
        Assert.Contains("--password-hash", e.Message, StringComparison.Ordinal);
        Assert.Null(await f.Store.Directory.GetUserAsync("bob@example.org"));
    }

    [Fact]
    public async Task Logins_work_by_alias_unless_the_alias_reaches_several_people()
    {
        await using var f = await DirectoryFixture.CreateAsync();
        await f.Accounts.AddDomainAsync("example.org");
        await f.AddUsersAsync("alice@example.org", "bob@example.org");
        await f.Accounts.AddAliasAsync("a.smith@example.org", ["alice@example.org"]);
        await f.Accounts.AddAliasAsync("team@example.org", ["alice@example.org", "bob@example.org"]);

        var byAlias = await f.Accounts.AuthenticateAsync("A.Smith@example.org", "correct horse battery");
        Assert.Equal("alice@example.org", byAlias.User?.Address);
        Assert.False((await f.Accounts.AuthenticateAsync("team@example.org", "correct horse battery")).Succeeded);
    }

    [Fact]
    public async Task Disabled_accounts_and_unknown_users_cannot_log_in()
    {
        await using var f = await DirectoryFixture.CreateAsync();
        await f.Accounts.AddDomainAsync("example.org");
        await f.AddUsersAsync("alice@example.org");
        await f.Accounts.UpdateUserAsync("alice@example.org", null, disabled: true);

        var disabled = await f.Accounts.AuthenticateAsync("alice@example.org", "correct horse battery");
        Assert.False(disabled.Succeeded);
        Assert.Equal("account disabled", disabled.FailureReason);

        var unknown = await f.Accounts.AuthenticateAsync("nobody@example.org", "correct horse battery");
        Assert.False(unknown.Succeeded);
        Assert.Equal("unknown user", unknown.FailureReason);
    }

    [Fact]
    public async Task Quota_and_password_changes_persist()
    {
        await using var f = await DirectoryFixture.CreateAsync();
        await f.Accounts.AddDomainAsync("example.org");
        await f.AddUsersAsync("alice@example.org");
        await f.Accounts.UpdateUserAsync("alice@example.org", 1L << 30, disabled: false);
        await f.Accounts.SetPasswordAsync("alice@example.org", null, "{PLAIN}another secret");

        var user = await f.Store.Directory.GetUserAsync("alice@example.org");
        Assert.Equal(1L << 30, user!.QuotaBytes);
        Assert.True((await f.Accounts.AuthenticateAsync("alice@example.org", "another secret")).Succeeded);
        await Assert.ThrowsAsync<DirectoryException>(() => f.Accounts.SetPasswordAsync("nobody@example.org", null, "{PLAIN}x"));
    }

    [Fact]
    public async Task Alias_targets_can_be_removed_one_at_a_time()
    {
        await using var f = await DirectoryFixture.CreateAsync();
        await f.Accounts.AddDomainAsync("example.org");
        await f.AddUsersAsync("alice@example.org", "bob@example.org");
        await f.Accounts.AddAliasAsync("team@example.org", ["alice@example.org", "bob@example.org"]);

        await f.Accounts.RemoveAliasAsync("team@example.org", "bob@example.org");
        Assert.Equal(["alice@example.org"], (await f.Store.Directory.GetAliasAsync("team@example.org"))!.Targets);

        await f.Accounts.RemoveAliasAsync("team@example.org", null);
        Assert.Null(await f.Store.Directory.GetAliasAsync("team@example.org"));
        await Assert.ThrowsAsync<DirectoryException>(() => f.Accounts.RemoveAliasAsync("team@example.org", null));
    }

    [Fact]
    public async Task Aliases_are_refused_for_foreign_domains_and_self_reference()
    {
        await using var f = await DirectoryFixture.CreateAsync();
        await f.Accounts.AddDomainAsync("example.org");
        var foreign = await Assert.ThrowsAsync<DirectoryException>(() => f.Accounts.AddAliasAsync("x@other.test", ["a@example.org"]));
        Assert.Contains("not hosted", foreign.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<DirectoryException>(() => f.Accounts.AddAliasAsync("x@example.org", ["x@example.org"]));
        await Assert.ThrowsAsync<DirectoryException>(() => f.Accounts.AddAliasAsync("x@example.org", ["@example.net"]));
        Assert.Empty(await f.Store.Directory.ListAliasesAsync());
    }
}
