using Posta.Testing;

namespace Posta.Server.Tests;

/// <summary>
/// One real <c>posta serve</c> with the three SMTP listeners, shared by the tests of a class: two
/// users, aliases (one UTF-8, one with a target on another server), a catch-all domain, a 64 KiB
/// message size limit and 127.0.0.3 as the trusted XCLIENT proxy.
/// </summary>
public sealed class SmtpServerFixture : IAsyncLifetime
{
    /// <summary>The smallest limit the configuration accepts (RFC 5321 §4.5.3.1.7: 64K octets).</summary>
    public const int MaxMessageSize = 64 * 1024;

    /// <summary>The password of alice@example.org.</summary>
    public const string AlicePassword = "alice's correct horse";

    /// <summary>The address the trusted proxy connects from.</summary>
    public const string ProxyAddress = "127.0.0.3";

    /// <summary>A client address that is not the server's own (the server listens on 127.0.0.1).</summary>
    public const string RemoteAddress = "127.0.0.2";

    private PostaServer? _server;

    /// <summary>The running server.</summary>
    public PostaServer Server => _server ?? throw new InvalidOperationException("the server is not started");

    /// <summary>The port of the smtp (MX) listener.</summary>
    public int Mx => Server.Ports["smtp"];

    /// <summary>The port of the submission (STARTTLS) listener.</summary>
    public int Submission => Server.Ports["submission"];

    /// <summary>The port of the submissions (implicit TLS) listener.</summary>
    public int Submissions => Server.Ports["submissions"];

    /// <summary>Starts the server and creates the domains, users and aliases the tests use.</summary>
    public async Task InitializeAsync()
    {
        _server = await PostaServer.StartAsync(
            ["smtp", "submission", "submissions"],
            environment: new Dictionary<string, string?>
            {
                ["POSTA_LIMITS__MAX_MESSAGE_SIZE"] = MaxMessageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["POSTA_NETWORK__TRUSTED_PROXIES__0"] = ProxyAddress + "/32",
            });
        await CliAsync("domain", "add", "example.org");
        await CliAsync("domain", "add", "example.com");
        await CliAsync("user", "add", "alice@example.org", "--password-hash", "{PLAIN}" + AlicePassword);
        await CliAsync("user", "add", "bob@example.org", "--password-hash", "{PLAIN}bob's password");
        await CliAsync("alias", "add", "sales@example.org", "alice@example.org");
        await CliAsync("alias", "add", "jürgen@example.org", "alice@example.org");
        await CliAsync("alias", "add", "team@example.org", "bob@example.org", "dave@remote.example");
        await CliAsync("alias", "add", "@example.com", "bob@example.org");
    }

    /// <summary>Stops the server and deletes its data.</summary>
    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private async Task CliAsync(params string[] arguments)
    {
        var result = await Server.RunCliAsync(arguments);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"posta {string.Join(' ', arguments)} failed: {result}");
        }
    }
}
