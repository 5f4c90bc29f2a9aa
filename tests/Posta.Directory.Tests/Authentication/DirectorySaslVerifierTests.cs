using System.Text;
using Posta.Directory.Authentication;
using Posta.Directory.Passwords;
using Posta.Sasl;

namespace Posta.Directory.Tests.Authentication;

public sealed class DirectorySaslVerifierTests
{
    private static async Task<DirectoryFixture> FixtureAsync()
    {
        // MD5-CRYPT keeps the test quick; what SCRAM uses are the keys stored beside the hash.
        var f = await DirectoryFixture.CreateAsync(new DirectoryOptions { PasswordScheme = "MD5-CRYPT" });
        await f.Accounts.AddDomainAsync("example.org");
        await f.Accounts.AddUserAsync("alice@example.org", "correct horse battery", null);
        await f.Accounts.AddAliasAsync("a.smith@example.org", ["alice@example.org"]);
        return f;
    }

    /// <summary>A whole SCRAM-SHA-256 exchange over the directory, with the client's side computed here.</summary>
    private static async Task<SaslStep> ScramAsync(ISaslCredentialVerifier verifier, string user, string password)
    {
        var exchange = SaslMechanisms.Create("SCRAM-SHA-256", verifier)!;
        var bare = $"n={user},r=clientnonce";
        var first = await exchange.StartAsync(Encoding.UTF8.GetBytes("n,," + bare), CancellationToken.None);
        Assert.Equal(SaslStepKind.Challenge, first.Kind);

        var serverFirst = Encoding.UTF8.GetString(first.Challenge.Span);
        var fields = serverFirst.Split(',');
        var keys = ScramCredentials.Derive(password, Convert.FromBase64String(fields[1][2..]), int.Parse(fields[2][2..], System.Globalization.CultureInfo.InvariantCulture));
        var withoutProof = $"c=biws,{fields[0]}";
        var authMessage = Encoding.UTF8.GetBytes($"{bare},{serverFirst},{withoutProof}");
        var salted = System.Security.Cryptography.Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), keys.Salt, keys.Iterations, System.Security.Cryptography.HashAlgorithmName.SHA256, 32);
        var clientKey = System.Security.Cryptography.HMACSHA256.HashData(salted, "Client Key"u8);
        var signature = System.Security.Cryptography.HMACSHA256.HashData(keys.StoredKey, authMessage);
        var proof = Convert.ToBase64String(clientKey.Zip(signature, (a, b) => (byte)(a ^ b)).ToArray());

        var final = await exchange.StepAsync(Encoding.UTF8.GetBytes($"{withoutProof},p={proof}"), CancellationToken.None);
        return final.Kind == SaslStepKind.Challenge ? await exchange.StepAsync(ReadOnlyMemory<byte>.Empty, CancellationToken.None) : final;
    }

    [Theory]
    [InlineData("alice@example.org")]
    [InlineData("Alice@Example.org")]
    [InlineData("a.smith@example.org")]
    public async Task Scram_logs_in_by_address_or_alias_as_the_account(string login)
    {
        await using var f = await FixtureAsync();
        var step = await ScramAsync(new DirectorySaslVerifier(f.Accounts), login, "correct horse battery");
        Assert.Equal(SaslStepKind.Success, step.Kind);
        Assert.Equal("alice@example.org", step.Account);
    }

    [Fact]
    public async Task Scram_with_a_wrong_password_fails_as_bad_credentials()
    {
        await using var f = await FixtureAsync();
        var step = await ScramAsync(new DirectorySaslVerifier(f.Accounts), "alice@example.org", "wrong horse battery");
        Assert.Equal(SaslFailure.BadCredentials, step.Failure);
    }

    [Fact]
    public async Task Password_mechanisms_verify_through_the_directory()
    {
        await using var f = await FixtureAsync();
        var verifier = new DirectorySaslVerifier(f.Accounts);
        Assert.Equal("alice@example.org", await verifier.VerifyPasswordAsync("a.smith@example.org", "correct horse battery", CancellationToken.None));
        Assert.Null(await verifier.VerifyPasswordAsync("alice@example.org", "wrong horse battery", CancellationToken.None));
        Assert.Null(await verifier.VerifyPasswordAsync("nobody@example.org", "correct horse battery", CancellationToken.None));

        var plain = SaslMechanisms.Create("PLAIN", verifier)!;
        var step = await plain.StartAsync("\0a.smith@example.org\0correct horse battery"u8.ToArray(), CancellationToken.None);
        Assert.Equal(("alice@example.org", SaslStepKind.Success), (step.Account, step.Kind));
    }

    [Fact]
    public async Task Real_users_get_their_stored_keys()
    {
        await using var f = await FixtureAsync();
        var lookup = await new DirectorySaslVerifier(f.Accounts).GetScramCredentialsAsync("a.smith@example.org", CancellationToken.None);
        Assert.Equal("alice@example.org", lookup.Account);
        Assert.Equal((await f.Store.Directory.GetUserAsync("alice@example.org"))!.ScramSha256, lookup.Credentials.Format());
    }

    [Fact]
    public async Task Unknown_logins_get_decoys_stable_per_login_and_per_spelling_but_not_across_logins_or_processes()
    {
        await using var f = await FixtureAsync();
        var verifier = new DirectorySaslVerifier(f.Accounts);
        var first = await verifier.GetScramCredentialsAsync("nobody@example.org", CancellationToken.None);
        var again = await verifier.GetScramCredentialsAsync("nobody@example.org", CancellationToken.None);
        var spelled = await verifier.GetScramCredentialsAsync("NoBody@EXAMPLE.org", CancellationToken.None);
        var other = await verifier.GetScramCredentialsAsync("somebody@example.org", CancellationToken.None);
        var restarted = await new DirectorySaslVerifier(f.Accounts).GetScramCredentialsAsync("nobody@example.org", CancellationToken.None);

        Assert.Null(first.Account);
        Assert.Equal(first.Credentials.Format(), again.Credentials.Format());
        Assert.Equal(first.Credentials.Format(), spelled.Credentials.Format());
        Assert.NotEqual(first.Credentials.Format(), other.Credentials.Format());
        Assert.NotEqual(first.Credentials.Format(), restarted.Credentials.Format());
        // A decoy looks like keys Posta makes: same iterations, same salt length.
        Assert.Equal(ScramCredentials.DefaultIterations, first.Credentials.Iterations);
        Assert.Equal(ScramCredentials.DefaultSaltBytes, first.Credentials.Salt.Length);
        Assert.Equal(SaslFailure.BadCredentials, (await ScramAsync(verifier, "nobody@example.org", "correct horse battery")).Failure);
    }

    [Fact]
    public async Task Disabled_users_and_users_without_keys_get_decoys()
    {
        await using var f = await FixtureAsync();
        await f.Accounts.AddUserAsync("bob@example.org", null, PasswordHasher.Hash("imported secret", "SHA256-CRYPT", 1000));
        await f.Accounts.UpdateUserAsync("alice@example.org", null, disabled: true);
        var verifier = new DirectorySaslVerifier(f.Accounts);

        var disabled = await verifier.GetScramCredentialsAsync("alice@example.org", CancellationToken.None);
        Assert.Null(disabled.Account);
        Assert.NotEqual((await f.Store.Directory.GetUserAsync("alice@example.org"))!.ScramSha256, disabled.Credentials.Format());
        Assert.Equal(SaslFailure.BadCredentials, (await ScramAsync(verifier, "alice@example.org", "correct horse battery")).Failure);

        Assert.Null((await verifier.GetScramCredentialsAsync("bob@example.org", CancellationToken.None)).Account);
        Assert.Equal(SaslFailure.BadCredentials, (await ScramAsync(verifier, "bob@example.org", "imported secret")).Failure);

        // After one password login Bob has keys, and SCRAM works for him.
        Assert.Equal("bob@example.org", await verifier.VerifyPasswordAsync("bob@example.org", "imported secret", CancellationToken.None));
        Assert.Equal("bob@example.org", (await ScramAsync(verifier, "bob@example.org", "imported secret")).Account);
    }
}
