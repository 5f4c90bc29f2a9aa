namespace Posta.Directory.Tests;

public sealed class RecipientResolverTests
{
    private static async Task<DirectoryFixture> ExampleAsync(DirectoryOptions? options = null)
    {
        var f = await DirectoryFixture.CreateAsync(options);
        await f.Accounts.AddDomainAsync("example.org");
        await f.Accounts.AddDomainAsync("example.net");
        await f.AddUsersAsync("alice@example.org", "bob@example.org", "carol@example.net");
        return f;
    }

    private static IEnumerable<string> Locals(RecipientResolution r) => r.LocalRecipients.Select(l => l.User.Address).Order(StringComparer.Ordinal);

    [Fact]
    public async Task A_user_resolves_to_itself_case_insensitively()
    {
        await using var f = await ExampleAsync();
        var r = await f.Resolver.ResolveAsync("Alice@EXAMPLE.org");
        Assert.Equal(RecipientStatus.Resolved, r.Status);
        Assert.Equal(["alice@example.org"], Locals(r));
        Assert.Null(r.LocalRecipients[0].Detail);
        Assert.Empty(r.ExternalTargets);
    }

    [Fact]
    public async Task An_unknown_user_of_a_hosted_domain_is_unknown_and_other_domains_are_not_local()
    {
        await using var f = await ExampleAsync();
        Assert.Equal(RecipientStatus.Unknown, (await f.Resolver.ResolveAsync("nobody@example.org")).Status);
        Assert.Equal(RecipientStatus.NotLocal, (await f.Resolver.ResolveAsync("alice@elsewhere.test")).Status);
        Assert.Equal(RecipientStatus.Unknown, (await f.Resolver.ResolveAsync("not an address")).Status);
    }

    [Fact]
    public async Task Subaddresses_reach_the_user_and_keep_their_detail()
    {
        await using var f = await ExampleAsync();
        var r = await f.Resolver.ResolveAsync("alice+lists@example.org");
        Assert.Equal(["alice@example.org"], Locals(r));
        Assert.Equal("lists", r.LocalRecipients[0].Detail);

        // Only the first delimiter splits: the detail may itself contain one.
        var nested = await f.Resolver.ResolveAsync("alice+a+b@example.org");
        Assert.Equal("a+b", nested.LocalRecipients[0].Detail);

        // A leading delimiter is not a sub-address of an empty user.
        Assert.Equal(RecipientStatus.Unknown, (await f.Resolver.ResolveAsync("+tag@example.org")).Status);
    }

    [Fact]
    public async Task Configured_delimiters_replace_the_default()
    {
        await using var f = await ExampleAsync(new DirectoryOptions { SubaddressDelimiters = "-+" });
        Assert.Equal(["bob@example.org"], Locals(await f.Resolver.ResolveAsync("bob-shop@example.org")));
        Assert.Equal(["bob@example.org"], Locals(await f.Resolver.ResolveAsync("bob+shop@example.org")));

        await using var g = await ExampleAsync(new DirectoryOptions { SubaddressDelimiters = "-" });
        Assert.Equal(RecipientStatus.Unknown, (await g.Resolver.ResolveAsync("bob+shop@example.org")).Status);
    }

    [Fact]
    public async Task An_exact_user_wins_over_subaddress_splitting()
    {
        await using var f = await ExampleAsync();
        await f.AddUsersAsync("team+ops@example.org", "team@example.org");
        var r = await f.Resolver.ResolveAsync("team+ops@example.org");
        Assert.Equal(["team+ops@example.org"], Locals(r));
        Assert.Null(r.LocalRecipients[0].Detail);
    }

    [Fact]
    public async Task Aliases_expand_to_local_and_external_targets_and_nest()
    {
        await using var f = await ExampleAsync();
        await f.Accounts.AddAliasAsync("team@example.org", ["alice@example.org", "sales@example.org", "partner@external.test"]);
        await f.Accounts.AddAliasAsync("sales@example.org", ["bob@example.org", "carol@example.net", "alice@example.org"]);

        var r = await f.Resolver.ResolveAsync("team@example.org");
        Assert.Equal(RecipientStatus.Resolved, r.Status);
        Assert.Equal(["alice@example.org", "bob@example.org", "carol@example.net"], Locals(r));
        Assert.Equal(["partner@external.test"], r.ExternalTargets);
    }

    [Fact]
    public async Task An_alias_to_an_unknown_local_address_reaches_nobody_there()
    {
        await using var f = await ExampleAsync();
        await f.Accounts.AddAliasAsync("ghost@example.org", ["gone@example.org"]);
        var r = await f.Resolver.ResolveAsync("ghost@example.org");
        Assert.NotEqual(RecipientStatus.Resolved, r.Status);
        Assert.Empty(r.LocalRecipients);
    }

    [Fact]
    public async Task Subaddressed_aliases_pass_the_detail_on()
    {
        await using var f = await ExampleAsync();
        await f.Accounts.AddAliasAsync("info@example.org", ["bob@example.org"]);
        var r = await f.Resolver.ResolveAsync("info+web@example.org");
        Assert.Equal(["bob@example.org"], Locals(r));
        Assert.Equal("web", r.LocalRecipients[0].Detail);
    }

    [Fact]
    public async Task The_catch_all_takes_only_addresses_nothing_else_takes()
    {
        await using var f = await ExampleAsync();
        await f.Accounts.AddAliasAsync("@example.org", ["bob@example.org"]);

        Assert.Equal(["alice@example.org"], Locals(await f.Resolver.ResolveAsync("alice@example.org")));
        Assert.Equal(["alice@example.org"], Locals(await f.Resolver.ResolveAsync("alice+x@example.org")));
        Assert.Equal(["bob@example.org"], Locals(await f.Resolver.ResolveAsync("anything@example.org")));
        Assert.Equal(RecipientStatus.Unknown, (await f.Resolver.ResolveAsync("anything@example.net")).Status);
    }

    [Fact]
    public async Task A_domain_catch_all_can_map_to_the_same_local_part_elsewhere()
    {
        await using var f = await ExampleAsync();
        await f.Accounts.AddDomainAsync("old.example");
        await f.Accounts.AddAliasAsync("@old.example", ["@example.org"]);

        Assert.Equal(["alice@example.org"], Locals(await f.Resolver.ResolveAsync("alice@old.example")));
        var external = await f.Resolver.ResolveAsync("x@old.example");
        Assert.NotEqual(RecipientStatus.Resolved, external.Status);
    }

    [Fact]
    public async Task Alias_loops_end_and_are_reported()
    {
        await using var f = await ExampleAsync();
        await f.Accounts.AddAliasAsync("a@example.org", ["b@example.org"]);
        await f.Accounts.AddAliasAsync("b@example.org", ["a@example.org"]);
        var r = await f.Resolver.ResolveAsync("a@example.org");
        Assert.Equal(RecipientStatus.AliasLoop, r.Status);

        // A loop next to a real target still delivers to the real one.
        await f.Accounts.AddAliasAsync("b@example.org", ["alice@example.org"]);
        Assert.Equal(["alice@example.org"], Locals(await f.Resolver.ResolveAsync("a@example.org")));
    }

    [Fact]
    public async Task Disabled_users_resolve_with_their_state_for_the_caller_to_refuse()
    {
        await using var f = await ExampleAsync();
        await f.Accounts.UpdateUserAsync("bob@example.org", quotaBytes: null, disabled: true);
        var r = await f.Resolver.ResolveAsync("bob@example.org");
        Assert.True(r.LocalRecipients.Single().User.Disabled);
    }
}
