using Posta.Testing;

namespace Posta.Interop.Tests;

/// <summary>
/// One real <c>posta serve</c> with the three SMTP listeners (smtp, submission, submissions) and a
/// small directory, shared by the tests of a class: users alice, bob and zoë of example.org, and
/// jörg@example.org an alias of alice, so alice may send as jörg.
/// </summary>
public sealed class SubmissionFixture : IAsyncLifetime
{
    /// <summary>Alice's password: ASCII, since smtplib encodes credentials as ASCII.</summary>
    public const string AlicePassword = InteropPosta.AlicePassword;

    /// <summary>Zoë's password: non-ASCII and with a no-break space, which SASLprep maps to a space (RFC 4013).</summary>
    public const string ZoePassword = "zoë's\u00A0pässword";

    private PostaServer? _posta;

    /// <summary>The running server.</summary>
    public PostaServer Posta => _posta ?? throw new InvalidOperationException("not started");

    /// <summary>The self-signed certificate the server generated on first start.</summary>
    public string CertificateFile => Path.Combine(Posta.DataDirectory, "tls", "cert.pem");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _posta = await PostaServer.StartAsync(["smtp", "submission", "submissions"]);
        await RunAsync(["domain", "add", "example.org"]);
        await RunAsync(["user", "add", "alice@example.org", "--password-stdin"], AlicePassword);
        await RunAsync(["user", "add", "bob@example.org", "--password-stdin"], "bob's password");
        await RunAsync(["user", "add", "zoë@example.org", "--password-stdin"], ZoePassword);
        await RunAsync(["alias", "add", "jörg@example.org", "alice@example.org"]);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_posta is not null)
        {
            await _posta.DisposeAsync();
        }
    }

    private async Task RunAsync(string[] arguments, string? stdin = null)
    {
        var run = await Posta.RunCliAsync(arguments, stdin is null ? null : stdin + "\n");
        Assert.True(run.ExitCode == 0, run.ToString());
    }
}
