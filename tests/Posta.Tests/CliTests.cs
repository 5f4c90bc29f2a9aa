using Posta.Cli;

namespace Posta.Tests;

public sealed class CliTests
{
    [Fact]
    public async Task Domains_users_and_aliases_round_trip_through_the_store()
    {
        using var cli = new CliHarness();
        Assert.Equal(0, (await cli.RunAsync("domain", "add", "example.org")).Exit);
        var add = await cli.RunWithInputAsync("correct horse battery\n", "user", "add", "alice@example.org", "--password-stdin", "--quota", "1G");
        Assert.True(add.Exit == 0, add.Err);
        Assert.Equal(0, (await cli.RunAsync("user", "add", "bob@example.org", "--password-hash", "{PLAIN}bob's secret")).Exit);
        Assert.Equal(0, (await cli.RunAsync("alias", "add", "@example.org", "alice@example.org")).Exit);
        Assert.Equal(0, (await cli.RunAsync("alias", "add", "team@example.org", "alice@example.org", "bob@example.org", "ext@elsewhere.test")).Exit);

        var domains = await cli.RunAsync("domain", "list");
        Assert.Equal("example.org\tusers=2\taliases=2\n", domains.Out);

        var users = await cli.RunAsync("user", "list");
        Assert.Equal("alice@example.org\tquota=1G\nbob@example.org\tquota=unlimited\n", users.Out);

        var aliases = await cli.RunAsync("alias", "list", "example.org");
        Assert.Contains("@example.org\talice@example.org", aliases.Out, StringComparison.Ordinal);
        Assert.Contains("team@example.org\talice@example.org,bob@example.org,ext@elsewhere.test", aliases.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task International_domains_work_in_either_form()
    {
        using var cli = new CliHarness();
        Assert.Equal("added domain xn--bcher-kva.example\n", (await cli.RunAsync("domain", "add", "Bücher.example")).Out);
        Assert.Equal(0, (await cli.RunAsync("user", "add", "anna@bücher.example", "--password-hash", "{PLAIN}x")).Exit);
        Assert.Equal("anna@xn--bcher-kva.example\tquota=unlimited\n", (await cli.RunAsync("user", "list", "BÜCHER.example")).Out);
        Assert.Equal(0, (await cli.RunAsync("user", "set", "ANNA@bücher.example", "--disable")).Exit);
        Assert.Contains("disabled", (await cli.RunAsync("user", "list")).Out, StringComparison.Ordinal);
        Assert.Equal("removed user anna@xn--bcher-kva.example\n", (await cli.RunAsync("user", "remove", "anna@Bücher.example")).Out);
        Assert.Equal("removed domain xn--bcher-kva.example\n", (await cli.RunAsync("domain", "remove", "bücher.example")).Out);
    }

    [Fact]
    public async Task Removing_a_domain_with_users_asks_for_force()
    {
        using var cli = new CliHarness();
        await cli.RunAsync("domain", "add", "example.org");
        await cli.RunAsync("user", "add", "alice@example.org", "--password-hash", "{PLAIN}x");

        var refused = await cli.RunAsync("domain", "remove", "example.org");
        Assert.Equal(ExitCodes.Failed, refused.Exit);
        Assert.Contains("--force", refused.Err, StringComparison.Ordinal);
        Assert.Contains("example.org", (await cli.RunAsync("domain", "list")).Out, StringComparison.Ordinal);

        Assert.Equal(0, (await cli.RunAsync("domain", "remove", "example.org", "--force")).Exit);
        Assert.Equal(string.Empty, (await cli.RunAsync("user", "list")).Out);
    }

    [Theory]
    [InlineData(new[] { "user", "add", "alice", "--password-hash", "{PLAIN}x" }, "no @domain part")]
    [InlineData(new[] { "user", "add", "alice@nowhere.test", "--password-hash", "{PLAIN}x" }, "does not exist; add it first with: posta domain add nowhere.test")]
    [InlineData(new[] { "user", "add", "alice@example.org" }, "a password is needed")]
    [InlineData(new[] { "user", "add", "alice@example.org", "--password", "abc" }, "too short")]
    [InlineData(new[] { "user", "add", "alice@example.org", "--password", "x", "--password-hash", "{PLAIN}x" }, "only one of")]
    [InlineData(new[] { "user", "add", "alice@example.org", "--password-hash", "{SHA512-CRYPT}nonsense" }, "--password-hash")]
    [InlineData(new[] { "user", "add", "alice@example.org", "--password-hash", "{PLAIN}x", "--quota", "lots" }, "--quota")]
    [InlineData(new[] { "user", "passwd", "nobody@example.org", "--password-hash", "{PLAIN}x" }, "there is no user nobody@example.org")]
    [InlineData(new[] { "user", "remove", "nobody@example.org" }, "there is no user")]
    [InlineData(new[] { "alias", "remove", "nothing@example.org" }, "there is no alias")]
    [InlineData(new[] { "domain", "add", "example.org" }, "exists already")]
    public async Task Refusals_name_the_problem_and_exit_non_zero(string[] args, string message)
    {
        using var cli = new CliHarness();
        await cli.RunAsync("domain", "add", "example.org");
        var result = await cli.RunAsync(args);
        Assert.Equal(ExitCodes.Failed, result.Exit);
        Assert.Contains(message, result.Err, StringComparison.Ordinal);
        Assert.StartsWith("posta: ", result.Err, StringComparison.Ordinal);
        Assert.Equal(string.Empty, (await cli.RunAsync("user", "list")).Out);
    }

    [Theory]
    [InlineData(new[] { "user", "add", "--bogus" }, "Unrecognized option '--bogus'")]
    [InlineData(new[] { "frobnicate" }, "Unrecognized command or argument 'frobnicate'")]
    [InlineData(new[] { "domain", "add" }, "Required argument missing")]
    [InlineData(new[] { "serve", "--listen", "gopher=127.0.0.1:70" }, "--listen gopher=127.0.0.1:70")]
    public async Task Usage_errors_exit_64_or_name_the_argument(string[] args, string message)
    {
        using var cli = new CliHarness();
        var result = await cli.RunAsync(args);
        Assert.NotEqual(0, result.Exit);
        Assert.Contains(message, result.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("serve")]
    [InlineData("domain")]
    [InlineData("user")]
    [InlineData("alias")]
    [InlineData("config")]
    public async Task Every_verb_has_help_that_says_what_it_does(string verb)
    {
        using var cli = new CliHarness();
        var result = await cli.RunAsync(verb, "--help");
        Assert.Equal(0, result.Exit);
        Assert.Contains("Description:", result.Out, StringComparison.Ordinal);
        Assert.Contains("Usage:", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_check_reports_a_certificate_that_does_not_load()
    {
        using var cli = new CliHarness();
        var yaml = Path.Combine(Path.GetTempPath(), $"posta-{Guid.NewGuid():N}.yml");
        await File.WriteAllTextAsync(yaml, "tls:\n  certificates:\n    - cert: /nonexistent/fullchain.pem\n      key: /nonexistent/privkey.pem\n");
        try
        {
            var result = await cli.RunAsync("config", "check", "--config", yaml);
            Assert.Equal(ExitCodes.Configuration, result.Exit);
            Assert.Contains("tls.certificates.0: tls: /nonexistent/fullchain.pem: file not found", result.Err, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(yaml);
        }
    }

    [Fact]
    public async Task Config_check_accepts_the_documented_example_with_real_certificate_files()
    {
        using var cli = new CliHarness();
        using var dir = new Testing.TempDirectory("posta-example");
        using (var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256))
        {
            var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=mail.example.org", key, System.Security.Cryptography.HashAlgorithmName.SHA256);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
            await File.WriteAllTextAsync(dir.Combine("fullchain.pem"), certificate.ExportCertificatePem());
            await File.WriteAllTextAsync(dir.Combine("privkey.pem"), key.ExportPkcs8PrivateKeyPem());
        }

        var example = await File.ReadAllTextAsync(Path.Combine(Testing.RepositoryPaths.Root, "docs", "posta.example.yml"));
        var yaml = dir.Combine("posta.yml");
        await File.WriteAllTextAsync(yaml, example.Replace("/etc/letsencrypt/live/mail.example.org", dir.Path, StringComparison.Ordinal));

        var result = await cli.RunAsync("config", "check", "--config", yaml);
        Assert.True(result.Exit == 0, result.Err);
        Assert.Contains("configuration is valid", result.Out, StringComparison.Ordinal);
        Assert.Contains("hostname: mail.example.org", result.Out, StringComparison.Ordinal);
    }
}
