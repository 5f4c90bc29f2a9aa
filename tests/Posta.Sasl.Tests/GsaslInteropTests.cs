using Posta.Testing;

namespace Posta.Sasl.Tests;

/// <summary>
/// GNU SASL's command-line client (Debian package gsasl) against Posta's server mechanisms: it prints each
/// response in base64 on a line and reads each challenge from a line of its standard input; an empty line
/// tells it the server is done, and it exits 0 only if it then considers itself authenticated (for SCRAM:
/// the server signature checked out).
/// </summary>
public sealed class GsaslInteropTests
{
    private const string Gsasl = "/usr/bin/gsasl";

    private static TestVerifier Verifier(bool wrongServerKey = false) =>
        new TestVerifier()
            .Add("alice@example.org", "correct horse battery", AliceKeys(wrongServerKey), "a.smith@example.org")
            .Add("jörg@example.org", "pässwörd\u00A0ß", ScramCredentials.Create("pässwörd\u00A0ß"));

    private static ScramCredentials AliceKeys(bool wrongServerKey)
    {
        var keys = ScramCredentials.Create("correct horse battery");
        return wrongServerKey ? keys with { ServerKey = ScramCredentials.Create("another password").ServerKey } : keys;
    }

    private sealed record Outcome(SaslStep Last, int ExitCode, string Stderr, int Challenges);

    private static async Task<Outcome> RunAsync(string mechanism, string user, string password, string? authorizationId = null, bool wrongServerKey = false)
    {
        var arguments = new List<string> { "--client", "--quiet", "--no-cb", "--mechanism", mechanism, "--authentication-id", user, "--password", password };
        if (authorizationId is not null)
        {
            arguments.AddRange(["--authorization-id", authorizationId]);
        }

        await using var client = LineProcess.Start(ProcessRunner.RequireProgram(Gsasl, "gsasl"), arguments);
        Assert.Equal(mechanism, await client.ReadLineAsync());

        var exchange = SaslMechanisms.Create(mechanism, Verifier(wrongServerKey))!;
        var first = await client.ReadLineAsync();
        Assert.NotNull(first);
        var step = await exchange.StartAsync(first.Length == 0 ? null : Convert.FromBase64String(first), CancellationToken.None);
        var challenges = 0;
        while (step.Kind == SaslStepKind.Challenge)
        {
            challenges++;
            await client.WriteLineAsync(Convert.ToBase64String(step.Challenge.Span));
            var line = await client.ReadLineAsync();
            if (line is null)
            {
                break;
            }

            step = await exchange.StepAsync(Convert.FromBase64String(line), CancellationToken.None);
        }

        if (step.Kind == SaslStepKind.Success)
        {
            // The protocol's "authenticated" reply: gsasl takes an empty line for "no more server data".
            await client.WriteLineAsync("");
        }

        var (exitCode, stderr) = await client.FinishAsync();
        return new Outcome(step, exitCode, stderr, challenges);
    }

    [Theory]
    [InlineData("PLAIN", "alice@example.org", 0)]
    [InlineData("PLAIN", "a.smith@example.org", 0)]
    [InlineData("LOGIN", "alice@example.org", 1)]
    [InlineData("SCRAM-SHA-256", "alice@example.org", 2)]
    [InlineData("SCRAM-SHA-256", "a.smith@example.org", 2)]
    public async Task The_right_password_authenticates(string mechanism, string user, int challenges)
    {
        var outcome = await RunAsync(mechanism, user, "correct horse battery");
        Assert.True(outcome.Last.Kind == SaslStepKind.Success, $"{outcome.Last} {outcome.Stderr}");
        Assert.Equal("alice@example.org", outcome.Last.Account);
        Assert.Equal(challenges, outcome.Challenges);
        // For SCRAM this also says gsasl checked Posta's server signature and found it right.
        Assert.True(outcome.ExitCode == 0, $"exit {outcome.ExitCode}: [{outcome.Stderr}] {outcome.Challenges}");
    }

    [Theory]
    [InlineData("PLAIN")]
    [InlineData("LOGIN")]
    [InlineData("SCRAM-SHA-256")]
    public async Task Non_ascii_credentials_authenticate(string mechanism)
    {
        var outcome = await RunAsync(mechanism, "jörg@example.org", "pässwörd\u00A0ß");
        Assert.True(outcome.Last.Kind == SaslStepKind.Success, $"{outcome.Last} {outcome.Stderr}");
        Assert.Equal("jörg@example.org", outcome.Last.Account);
        Assert.True(outcome.ExitCode == 0, $"exit {outcome.ExitCode}: [{outcome.Stderr}] {outcome.Challenges}");
    }

    [Fact]
    public async Task Gsasl_refuses_a_server_whose_signature_is_wrong()
    {
        // The proof still checks out (StoredKey is right), so only the client's check of "v=" can catch this.
        var outcome = await RunAsync("SCRAM-SHA-256", "alice@example.org", "correct horse battery", wrongServerKey: true);
        Assert.Equal(SaslStepKind.Challenge, outcome.Last.Kind);
        Assert.StartsWith("v=", System.Text.Encoding.ASCII.GetString(outcome.Last.Challenge.Span), StringComparison.Ordinal);
        Assert.NotEqual(0, outcome.ExitCode);
    }

    [Theory]
    [InlineData("PLAIN", "alice@example.org")]
    [InlineData("LOGIN", "alice@example.org")]
    [InlineData("SCRAM-SHA-256", "alice@example.org")]
    [InlineData("SCRAM-SHA-256", "nobody@example.org")]
    [InlineData("PLAIN", "nobody@example.org")]
    public async Task A_wrong_password_or_unknown_user_fails(string mechanism, string user)
    {
        var outcome = await RunAsync(mechanism, user, "wrong horse battery");
        Assert.Equal(SaslStepKind.Failure, outcome.Last.Kind);
        Assert.Equal(SaslFailure.BadCredentials, outcome.Last.Failure);
        Assert.Null(outcome.Last.Account);
    }

    [Theory]
    [InlineData("PLAIN")]
    [InlineData("SCRAM-SHA-256")]
    public async Task An_authorization_identity_is_honoured_only_for_oneself(string mechanism)
    {
        var own = await RunAsync(mechanism, "a.smith@example.org", "correct horse battery", authorizationId: "alice@example.org");
        Assert.True(own.Last.Kind == SaslStepKind.Success, $"{own.Last} {own.Stderr}");

        var other = await RunAsync(mechanism, "alice@example.org", "correct horse battery", authorizationId: "jörg@example.org");
        Assert.Equal(SaslFailure.AuthorizationDenied, other.Last.Failure);
    }

    [Theory]
    [InlineData("pencil", "W22ZaJ0SNY7soEsUEjb6gQ==", 4096)]
    [InlineData("correct horse battery", "c2FsdHNhbHRzYWx0", 10000)]
    [InlineData("pässwörd\u00A0ß", "AAECAwQFBgcICQoLDA0ODw==", 4096)]
    public async Task Keys_agree_with_gsasl_mkpasswd(string password, string salt, int iterations)
    {
        var result = await ProcessRunner.RunAsync(
            ProcessRunner.RequireProgram(Gsasl, "gsasl"),
            ["--mkpasswd", "--mechanism", "SCRAM-SHA-256", "--password", password, "--salt", salt, "--iteration-count", iterations.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        Assert.True(result.ExitCode == 0, result.ToString());

        var ours = ScramCredentials.Derive(password, Convert.FromBase64String(salt), iterations);
        Assert.Equal(result.Stdout.Trim(), ours.Format());
        Assert.True(ScramCredentials.TryParse(result.Stdout.Trim(), out var parsed));
        Assert.Equal(ours.StoredKey, parsed.StoredKey);
        Assert.Equal(ours.ServerKey, parsed.ServerKey);
    }
}
