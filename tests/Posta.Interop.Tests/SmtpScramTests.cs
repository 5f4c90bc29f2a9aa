using System.Globalization;
using Posta.Testing;

namespace Posta.Interop.Tests;

/// <summary>
/// GNU SASL's client (Debian's gsasl) logging in to posta's submission listener with
/// SCRAM-SHA-256 (RFC 7677) over SMTP: EHLO, STARTTLS, EHLO, AUTH. For SCRAM, gsasl exits 0 only
/// when the server's final message carries the right server signature, so a success also proves
/// that Posta knows the password rather than just accepting the client.
/// </summary>
public sealed class SmtpScramTests(SubmissionFixture fixture) : IClassFixture<SubmissionFixture>
{
    private const string Gsasl = "/usr/bin/gsasl";

    [Theory]
    [InlineData("alice@example.org", SubmissionFixture.AlicePassword)]
    [InlineData("zoë@example.org", SubmissionFixture.ZoePassword)]
    public async Task SCRAM_SHA_256_with_the_right_password_authenticates(string user, string password)
    {
        var run = await RunGsaslAsync(user, password);

        Assert.True(run.ExitCode == 0, run.ToString());
        AssertTlsFirst(run);
        Assert.Contains("235 2.7.0 Authentication successful", Transcript(run));
        Assert.Contains($"authenticated as {user} with SCRAM-SHA-256", await fixture.Posta.WaitForLogAsync($"authenticated as {user} with "), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SCRAM_SHA_256_with_a_wrong_password_fails()
    {
        var run = await RunGsaslAsync("alice@example.org", "not alice's password");

        Assert.NotEqual(0, run.ExitCode);
        AssertTlsFirst(run);
        Assert.Contains("535 5.7.8 Error: authentication failed", Transcript(run));
        Assert.DoesNotContain("235 2.7.0 Authentication successful", Transcript(run));
    }

    private async Task<ProcessRunner.Result> RunGsaslAsync(string user, string password)
    {
        var port = fixture.Posta.Ports["submission"].ToString(CultureInfo.InvariantCulture);
        string[] arguments =
        [
            "--smtp", "--connect", "127.0.0.1:" + port,
            "--mechanism", "SCRAM-SHA-256",
            "--authentication-id", user,
            "--password", password,

            // Channel binding (SCRAM-SHA-256-PLUS) is not offered.
            "--no-cb",

            // An empty CA file: accept the self-signed certificate. GnuTLS checks the name against
            // the address connected to (127.0.0.1), which a certificate for posta.test cannot match.
            "--x509-ca-file", string.Empty,
            "--verbose",
        ];
        return await ProcessRunner.RunAsync(ProcessRunner.RequireProgram(Gsasl, "gsasl"), arguments, stdin: string.Empty, timeout: TimeSpan.FromSeconds(30));
    }

    /// <summary>gsasl took STARTTLS from the EHLO reply and authenticated inside TLS (its transcript is on standard output).</summary>
    private static void AssertTlsFirst(ProcessRunner.Result run)
    {
        var lines = Transcript(run);
        var startTls = lines.FindIndex(l => l.StartsWith("220 2.0.0 ", StringComparison.Ordinal));
        var auth = lines.IndexOf("AUTH SCRAM-SHA-256");
        Assert.True(startTls >= 0 && auth > startTls, run.ToString());
        Assert.Contains("TLS session info: (TLS1.3)", run.Stderr, StringComparison.Ordinal);
    }

    /// <summary>The lines gsasl sent and received, in order.</summary>
    private static List<string> Transcript(ProcessRunner.Result run) => [.. run.Stdout.Split('\n').Select(l => l.TrimEnd('\r'))];
}
