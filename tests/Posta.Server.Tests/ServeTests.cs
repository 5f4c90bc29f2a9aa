using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Posta.Testing;

namespace Posta.Server.Tests;

/// <summary>The real <c>posta serve</c> process, started and stopped the way an administrator does.</summary>
public sealed class ServeTests
{
    private static readonly HttpClient Http = new(new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
    });

    [Fact]
    public async Task With_no_configuration_it_serves_from_data_and_keeps_it_across_restarts()
    {
        using var cwd = new TempDirectory("posta-cwd");
        string firstThumbprint;
        await using (var server = await PostaServer.StartWithDefaultsAsync(cwd.Path, ["http", "https"]))
        {
            Assert.Contains("no domain is hosted yet", server.Log, StringComparison.Ordinal);
            Assert.True(File.Exists(cwd.Combine("data", "metadata.db")), "the store is created in ./data");
            Assert.Equal("ok\n", await Http.GetStringAsync($"http://127.0.0.1:{server.Ports["http"]}/healthz"));
            firstThumbprint = await ServerCertificateThumbprintAsync(server.Ports["https"]);

            // Administration works on the store while the server runs.
            var add = await PostaServer.RunCliAsync(cwd.Combine("data"), ["domain", "add", "example.org"]);
            Assert.True(add.ExitCode == 0, add.ToString());
            var user = await PostaServer.RunCliAsync(cwd.Combine("data"), ["user", "add", "alice@example.org", "--password-stdin"], "correct horse battery\n");
            Assert.True(user.ExitCode == 0, user.ToString());
            Assert.Equal(0, await server.StopAsync());
            Assert.Contains("posta stopped", server.Log, StringComparison.Ordinal);
        }

        var keyFile = cwd.Combine("data", "tls", "key.pem");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));

        await using (var again = await PostaServer.StartWithDefaultsAsync(cwd.Path, ["https"]))
        {
            Assert.DoesNotContain("no domain is hosted yet", again.Log, StringComparison.Ordinal);
            Assert.Equal(firstThumbprint, await ServerCertificateThumbprintAsync(again.Ports["https"]));
            var users = await PostaServer.RunCliAsync(cwd.Combine("data"), ["user", "list"]);
            Assert.Contains("alice@example.org", users.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Data_acknowledged_before_a_kill_9_is_there_after_restart()
    {
        using var data = new TempDirectory("posta-data");
        await using (var server = await PostaServer.StartAsync(["http"], data.Path))
        {
            Assert.Equal(0, (await server.RunCliAsync(["domain", "add", "example.org"])).ExitCode);
            Assert.Equal(0, (await server.RunCliAsync(["user", "add", "bob@example.org", "--password-hash", "{PLAIN}bob secret"])).ExitCode);
            await server.KillAsync();
        }

        await using var restarted = await PostaServer.StartAsync(["http"], data.Path);
        var users = await restarted.RunCliAsync(["user", "list"]);
        Assert.Contains("bob@example.org", users.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_port_already_in_use_is_a_clear_error_naming_the_listener()
    {
        using var blocker = new TcpListener(IPAddress.Loopback, 0);
        blocker.Start();
        var port = ((IPEndPoint)blocker.LocalEndpoint).Port;
        using var data = new TempDirectory("posta-data");

        var result = await ProcessRunner.RunAsync(RepositoryPaths.PostaExecutable, ["serve", "--data", data.Path, "--listen", $"http=127.0.0.1:{port}"]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("http", result.Stderr, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{port}", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("in use", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_settings_stop_the_start_and_are_all_listed()
    {
        using var data = new TempDirectory("posta-data");
        var env = new Dictionary<string, string?> { ["POSTA_LIMITS__IDLE_TIMEOUT"] = "never", ["POSTA_LOG__FORMAT"] = "xml" };
        var result = await ProcessRunner.RunAsync(RepositoryPaths.PostaExecutable, ["serve", "--data", data.Path, "--listen", "http=127.0.0.1:1"], environment: env);

        Assert.Equal(78, result.ExitCode);
        Assert.Contains("limits.idle_timeout (from POSTA_LIMITS__IDLE_TIMEOUT)", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("log.format (from POSTA_LOG__FORMAT)", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreadable_certificate_is_a_clear_error_naming_the_file()
    {
        using var data = new TempDirectory("posta-data");
        await File.WriteAllTextAsync(data.Combine("fullchain.pem"), "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n");
        await File.WriteAllTextAsync(data.Combine("privkey.pem"), "garbage");
        var env = new Dictionary<string, string?>
        {
            ["POSTA_TLS__CERTIFICATES__0__CERT"] = data.Combine("fullchain.pem"),
            ["POSTA_TLS__CERTIFICATES__0__KEY"] = data.Combine("privkey.pem"),
        };
        var result = await ProcessRunner.RunAsync(RepositoryPaths.PostaExecutable, ["serve", "--data", data.Path, "--listen", $"https=127.0.0.1:{FreePort.Get()}"], environment: env);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains($"posta: cannot start: tls: {data.Combine("privkey.pem")}: no PEM private key found", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_listener_outside_the_configured_roles_is_refused()
    {
        using var data = new TempDirectory("posta-data");
        var result = await ProcessRunner.RunAsync(RepositoryPaths.PostaExecutable, ["serve", "--data", data.Path, "--roles", "mx", "--listen", "http=127.0.0.1:1"]);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--listen http", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("roles: mx", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_are_single_lines_on_stderr_and_json_when_asked()
    {
        await using (var simple = await PostaServer.StartAsync(["http"]))
        {
            var ready = simple.Log.Split('\n').Single(l => l.Contains("posta is ready", StringComparison.Ordinal));
            Assert.DoesNotContain("{", ready, StringComparison.Ordinal);
        }

        await using var json = await PostaServer.StartAsync(["http"], environment: new Dictionary<string, string?> { ["POSTA_LOG__FORMAT"] = "json" });
        var line = json.Log.Split('\n').Single(l => l.Contains("posta is ready", StringComparison.Ordinal));
        using var parsed = System.Text.Json.JsonDocument.Parse(line);
        Assert.Equal("Information", parsed.RootElement.GetProperty("LogLevel").GetString());
    }

    private static async Task<string> ServerCertificateThumbprintAsync(int port)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        await using var ssl = new SslStream(tcp.GetStream(), false, (_, _, _, _) => true);
        await ssl.AuthenticateAsClientAsync("posta.test");
        using var certificate = new X509Certificate2(ssl.RemoteCertificate!);
        return certificate.Thumbprint;
    }
}
