using Posta.Storage.Directory;

namespace Posta.Storage.Tests;

public class DirectoryStoreTests
{
    [Fact]
    public async Task Domains_are_listed_by_name_and_duplicates_refused()
    {
        await using var t = await TestStore.CreateAsync();
        await t.Directory.AddDomainAsync("b.example");
        await t.Directory.AddDomainAsync("a.example");

        await Assert.ThrowsAsync<DuplicateEntryException>(() => t.Directory.AddDomainAsync("a.example"));
        Assert.Equal(["a.example", "b.example", "example.org"], (await t.Directory.ListDomainsAsync()).Select(d => d.Name));
        Assert.Equal("a.example", (await t.Directory.GetDomainAsync("a.example"))!.Name);
        Assert.Null(await t.Directory.GetDomainAsync("c.example"));
    }

    [Fact]
    public async Task Users_need_their_domain_and_a_free_address()
    {
        await using var t = await TestStore.CreateAsync();
        await t.Directory.AddAliasTargetsAsync("info@example.org", ["alice@example.org"]);

        await Assert.ThrowsAsync<MissingEntryException>(() => t.Directory.AddUserAsync(new NewUser("x@nowhere.example", "nowhere.example", "h")));
        await Assert.ThrowsAsync<DuplicateEntryException>(() => t.Directory.AddUserAsync(new NewUser("alice@example.org", "example.org", "h")));
        await Assert.ThrowsAsync<DuplicateEntryException>(() => t.Directory.AddUserAsync(new NewUser("info@example.org", "example.org", "h")));
        await Assert.ThrowsAsync<DuplicateEntryException>(() => t.Directory.AddAliasTargetsAsync("alice@example.org", ["bob@example.org"]));
        await Assert.ThrowsAsync<MissingEntryException>(() => t.Directory.AddAliasTargetsAsync("x@nowhere.example", ["bob@example.org"]));
        Assert.Single(await t.Directory.ListUsersAsync());
    }

    [Fact]
    public async Task A_user_round_trips_and_can_be_updated()
    {
        await using var t = await TestStore.CreateAsync();
        var created = await t.Directory.AddUserAsync(new NewUser("bob@example.org", "example.org", "{SHA512-CRYPT}$6$x", 5000, Disabled: true));

        var byAddress = await t.Directory.GetUserAsync("bob@example.org");
        Assert.Equal(created, byAddress);
        Assert.Equal(created, await t.Directory.GetUserByIdAsync(created.Id));
        Assert.Equal(("example.org", "{SHA512-CRYPT}$6$x", 5000L, true), (byAddress!.Domain, byAddress.PasswordHash, byAddress.QuotaBytes!.Value, byAddress.Disabled));

        Assert.True(await t.Directory.SetPasswordHashAsync("bob@example.org", "{BLF-CRYPT}new"));
        Assert.True(await t.Directory.UpdateUserAsync("bob@example.org", null, disabled: false));
        var updated = await t.Directory.GetUserAsync("bob@example.org");
        Assert.Equal(("{BLF-CRYPT}new", (long?)null, false), (updated!.PasswordHash, updated.QuotaBytes, updated.Disabled));

        Assert.False(await t.Directory.SetPasswordHashAsync("nobody@example.org", "x"));
        Assert.False(await t.Directory.UpdateUserAsync("nobody@example.org", 1, false));
        Assert.Null(await t.Directory.GetUserAsync("Bob@example.org"));
    }

    [Fact]
    public async Task Scram_keys_round_trip_and_a_password_change_replaces_or_clears_them()
    {
        const string keys = "{SCRAM-SHA-256}4096,c2FsdA==,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=,AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=";
        await using var t = await TestStore.CreateAsync();
        var created = await t.Directory.AddUserAsync(new NewUser("carol@example.org", "example.org", "{BLF-CRYPT}a") { ScramSha256 = keys });
        Assert.Equal(keys, created.ScramSha256);
        Assert.Equal(keys, (await t.Directory.GetUserAsync("carol@example.org"))!.ScramSha256);
        Assert.Equal(keys, (await t.Directory.GetUserByIdAsync(created.Id))!.ScramSha256);
        Assert.Equal(keys, Assert.Single(await t.Directory.ListUsersAsync("example.org"), u => u.Address == "carol@example.org").ScramSha256);

        // A new hash without keys takes the old keys with it, in the same write.
        Assert.True(await t.Directory.SetPasswordHashAsync("carol@example.org", "{BLF-CRYPT}b"));
        var changed = await t.Directory.GetUserAsync("carol@example.org");
        Assert.Equal(("{BLF-CRYPT}b", (string?)null), (changed!.PasswordHash, changed.ScramSha256));

        Assert.True(await t.Directory.SetPasswordHashAsync("carol@example.org", "{BLF-CRYPT}c", keys));
        Assert.Equal(keys, (await t.Directory.GetUserAsync("carol@example.org"))!.ScramSha256);

        Assert.True(await t.Directory.SetScramSha256Async("carol@example.org", null));
        Assert.Null((await t.Directory.GetUserAsync("carol@example.org"))!.ScramSha256);
        Assert.True(await t.Directory.SetScramSha256Async("carol@example.org", keys));
        Assert.Equal(keys, (await t.Directory.GetUserAsync("carol@example.org"))!.ScramSha256);
        Assert.False(await t.Directory.SetScramSha256Async("nobody@example.org", keys));
    }

    [Fact]
    public async Task Conditional_scram_keys_land_only_while_the_password_hash_is_unchanged()
    {
        const string keys = "{SCRAM-SHA-256}4096,c2FsdA==,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=,AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=";
        await using var t = await TestStore.CreateAsync();
        await t.Directory.AddUserAsync(new NewUser("dave@example.org", "example.org", "{BLF-CRYPT}old"));
        await t.Directory.SetPasswordHashAsync("dave@example.org", "{BLF-CRYPT}new");

        Assert.False(await t.Directory.SetScramSha256Async("dave@example.org", keys, "{BLF-CRYPT}old"));
        Assert.Null((await t.Directory.GetUserAsync("dave@example.org"))!.ScramSha256);
        Assert.True(await t.Directory.SetScramSha256Async("dave@example.org", keys, "{BLF-CRYPT}new"));
        Assert.Equal(keys, (await t.Directory.GetUserAsync("dave@example.org"))!.ScramSha256);
    }

    [Fact]
    public async Task Users_without_scram_keys_read_as_null()
    {
        await using var t = await TestStore.CreateAsync();
        var created = await t.Directory.AddUserAsync(new NewUser("erin@example.org", "example.org", "{BLF-CRYPT}a"));
        Assert.Null(created.ScramSha256);
        Assert.Null((await t.Directory.GetUserAsync("erin@example.org"))!.ScramSha256);
    }

    [Fact]
    public async Task Users_are_listed_by_address_per_domain()
    {
        await using var t = await TestStore.CreateAsync();
        await t.Directory.AddDomainAsync("other.example");
        await t.Directory.AddUserAsync(new NewUser("zed@other.example", "other.example", "h"));
        await t.AddUserAsync("bob@example.org");

        Assert.Equal(["alice@example.org", "bob@example.org", "zed@other.example"], (await t.Directory.ListUsersAsync()).Select(u => u.Address));
        Assert.Equal(["zed@other.example"], (await t.Directory.ListUsersAsync("other.example")).Select(u => u.Address));
        Assert.Equal((2, 0), await t.Directory.CountDomainEntriesAsync("example.org"));
        Assert.Equal((0, 0), await t.Directory.CountDomainEntriesAsync("missing.example"));
    }

    [Fact]
    public async Task Alias_targets_accumulate_and_are_removed_one_by_one_or_all_at_once()
    {
        await using var t = await TestStore.CreateAsync();

        await t.Directory.AddAliasTargetsAsync("team@example.org", ["bob@example.org", "alice@example.org"]);
        var alias = await t.Directory.AddAliasTargetsAsync("team@example.org", ["alice@example.org", "carol@elsewhere.example"]);
        await t.Directory.AddAliasTargetsAsync("@example.org", ["alice@example.org"]);

        Assert.Equal(["alice@example.org", "bob@example.org", "carol@elsewhere.example"], alias.Targets);
        Assert.Equal("example.org", alias.Domain);
        Assert.Equal(alias.Targets, (await t.Directory.GetAliasAsync("team@example.org"))!.Targets);
        Assert.Equal(["@example.org", "team@example.org"], (await t.Directory.ListAliasesAsync("example.org")).Select(a => a.Source));
        Assert.Equal((1, 2), await t.Directory.CountDomainEntriesAsync("example.org"));

        Assert.True(await t.Directory.RemoveAliasAsync("team@example.org", "bob@example.org"));
        Assert.False(await t.Directory.RemoveAliasAsync("team@example.org", "bob@example.org"));
        Assert.Equal(2, (await t.Directory.GetAliasAsync("team@example.org"))!.Targets.Count);
        Assert.True(await t.Directory.RemoveAliasAsync("team@example.org", null));
        Assert.Null(await t.Directory.GetAliasAsync("team@example.org"));
        await Assert.ThrowsAsync<ArgumentException>(() => t.Directory.AddAliasTargetsAsync("team@example.org", []));
    }

    [Fact]
    public async Task Removing_a_user_removes_mailboxes_and_messages_and_releases_blobs()
    {
        await using var t = await TestStore.CreateAsync();
        var bob = await t.AddUserAsync("bob@example.org");
        var shared = await t.AppendAsync(await t.InboxIdAsync(), "shared");
        var own = await t.AppendAsync(await t.InboxIdAsync(bob), "bob only");
        await t.AppendAsync(await t.InboxIdAsync(bob), "shared");
        await t.Mail.SetSubscribedAsync(bob, "Ghost", true);

        Assert.True(await t.Directory.RemoveUserAsync("bob@example.org"));

        Assert.Null(await t.Directory.GetUserAsync("bob@example.org"));
        Assert.Empty(await t.Mail.ListMailboxesAsync(bob));
        Assert.Empty(await t.Mail.ListSubscriptionsAsync(bob));
        await BlobTests.WaitForAsync(() => !File.Exists(t.BlobPath(own.BlobHash)));
        Assert.True(File.Exists(t.BlobPath(shared.BlobHash)));
        Assert.Equal(1, await BlobTests.RefcountAsync(t, shared.BlobHash));
        Assert.False(await t.Directory.RemoveUserAsync("bob@example.org"));

        // The address is free again, with fresh mailboxes.
        var again = await t.AddUserAsync("bob@example.org");
        Assert.NotEqual(bob, again);
        Assert.Equal(6, (await t.Mail.ListMailboxesAsync(again)).Count);
    }

    [Fact]
    public async Task A_domain_in_use_is_removed_only_with_cascade_which_takes_everything_with_it()
    {
        await using var t = await TestStore.CreateAsync();
        await t.Directory.AddAliasTargetsAsync("postmaster@example.org", ["alice@example.org"]);
        var appended = await t.AppendAsync(await t.InboxIdAsync(), "to be removed");

        await Assert.ThrowsAsync<EntryInUseException>(() => t.Directory.RemoveDomainAsync("example.org", cascade: false));
        Assert.NotNull(await t.Directory.GetUserAsync("alice@example.org"));

        Assert.True(await t.Directory.RemoveDomainAsync("example.org", cascade: true));

        Assert.Null(await t.Directory.GetDomainAsync("example.org"));
        Assert.Empty(await t.Directory.ListUsersAsync());
        Assert.Empty(await t.Directory.ListAliasesAsync());
        Assert.Empty(await t.Mail.ListMailboxesAsync(t.UserId));
        await BlobTests.WaitForAsync(() => !File.Exists(t.BlobPath(appended.BlobHash)));
        Assert.False(await t.Directory.RemoveDomainAsync("example.org", cascade: true));
    }

    [Fact]
    public async Task An_empty_domain_is_removed_without_cascade()
    {
        await using var t = await TestStore.CreateAsync();
        await t.Directory.AddDomainAsync("empty.example");

        Assert.True(await t.Directory.RemoveDomainAsync("empty.example", cascade: false));
        Assert.Null(await t.Directory.GetDomainAsync("empty.example"));
    }
}
