using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Posta.Hosting.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Posta.Hosting.Tls;

namespace Posta.Hosting.Tests;

public sealed class TlsEndToEndTests(CertificateFixture certificates) : IClassFixture<CertificateFixture>, IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly X509Certificate2 _intermediate = certificates.Intermediate;
    private readonly X509Certificate2 _mail = certificates.Mail;
    private readonly X509Certificate2 _wildcard = certificates.Wildcard;

    public void Dispose() => _temp.Dispose();

    private HostingOptions WithCertificates(params (string Listener, string Address)[] listeners)
    {
        var options = TestServer.Options(listeners);
        options.Tls.Certificates.Add(TestCertificates.WritePem(_temp.Combine("mail"), _mail, _intermediate));
        options.Tls.Certificates.Add(TestCertificates.WritePem(_temp.Combine("wildcard"), _wildcard));
        return options;
    }

    [Theory]
    [InlineData("mail.example.test", "mail")]
    [InlineData("imap.example.org", "wildcard")]
    [InlineData("unknown.example.net", "mail")]
    [InlineData(null, "mail")]
    public async Task Implicit_TLS_picks_the_certificate_by_SNI(string? serverName, string expected)
    {
        await using var server = await TestServer.StartAsync(WithCertificates((ListenerNames.Imaps, "127.0.0.1:0")));

        await using var client = await LineClient.ConnectTlsAsync(server.EndPoint(ListenerNames.Imaps), serverName);

        var certificate = expected == "mail" ? _mail : _wildcard;
        Assert.Equal(certificate.Thumbprint, client.ServerCertificate!.Thumbprint);
        Assert.StartsWith("READY 127.0.0.1:", await client.ReadLineAsync(), StringComparison.Ordinal);
        await client.WriteLineAsync("INFO");
        var info = await client.ReadLineAsync();
        Assert.Contains("tls=True", info, StringComparison.Ordinal);
        Assert.Contains($"sni={serverName} ", info, StringComparison.Ordinal);
        Assert.Contains($"cert={certificate.Thumbprint}", info, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_intermediate_from_fullchain_pem_is_sent_to_clients()
    {
        await using var server = await TestServer.StartAsync(WithCertificates((ListenerNames.Submissions, "127.0.0.1:0")));

        await using var client = await LineClient.ConnectTlsAsync(server.EndPoint(ListenerNames.Submissions), "mail.example.test");

        // Leaf and intermediate at least: the client only has them because the server sent them.
        Assert.True(client.ChainLength >= 2, $"chain of {client.ChainLength}");
    }

    [Theory]
    [InlineData(SslProtocols.Tls12)]
    [InlineData(SslProtocols.Tls13)]
    public async Task TLS_1_2_and_1_3_clients_are_served(SslProtocols protocol)
    {
        await using var server = await TestServer.StartAsync(WithCertificates((ListenerNames.Pop3s, "127.0.0.1:0")));

        await using var client = await LineClient.ConnectTlsAsync(server.EndPoint(ListenerNames.Pop3s), "mail.example.test", protocol);

        Assert.Equal(protocol, client.Protocol);
        await client.ReadLineAsync();
        await client.WriteLineAsync("INFO");
        Assert.Contains($"protocol={protocol}", await client.ReadLineAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TLS_1_1_and_older_are_refused()
    {
        Assert.Equal(SslProtocols.Tls12 | SslProtocols.Tls13, TlsServerOptions.Protocols);
        await using var server = await TestServer.StartAsync(WithCertificates((ListenerNames.Submissions, "127.0.0.1:0")));

#pragma warning disable SYSLIB0039 // The obsolete protocols are the point of the test.
        foreach (var old in new[] { SslProtocols.Tls11, SslProtocols.Tls })
#pragma warning restore SYSLIB0039
        {
            // Whether the local OpenSSL even offers them or the server refuses, no session results.
            await Assert.ThrowsAnyAsync<Exception>(async () =>
            {
                await using var client = await LineClient.ConnectTlsAsync(server.EndPoint(ListenerNames.Submissions), "mail.example.test", old);
            });
        }
    }

    [Fact]
    public async Task A_client_that_speaks_plaintext_to_an_implicit_TLS_port_is_dropped()
    {
        await using var server = await TestServer.StartAsync(WithCertificates((ListenerNames.Imaps, "127.0.0.1:0")));
        await using var client = await LineClient.ConnectAsync(server.EndPoint(ListenerNames.Imaps));

        await client.WriteLineAsync("a1 CAPABILITY");

        Assert.Null(await client.ReadLineAsync());
        await server.Logs.WaitForAsync("TlsHandshakeFailed");
    }

    [Fact]
    public async Task STARTTLS_discards_commands_pipelined_before_the_handshake()
    {
        await using var server = await TestServer.StartAsync(WithCertificates((ListenerNames.Submission, "127.0.0.1:0")));
        await using var client = await LineClient.ConnectAsync(server.EndPoint(ListenerNames.Submission));
        Assert.StartsWith("READY", await client.ReadLineAsync(), StringComparison.Ordinal);
        await client.WriteLineAsync("INFO");
        Assert.Contains("tls=False", await client.ReadLineAsync(), StringComparison.Ordinal);

        // One packet: the command and an injected one behind it (CVE-2011-0411).
        await client.WriteAsync("STARTTLS\r\nINJECTED\r\n");
        Assert.Equal("GO", await client.ReadLineAsync());
        await client.StartTlsAsync("mail.example.test");
        await client.WriteLineAsync("AFTER");

        Assert.Equal("AFTER", await client.ReadLineAsync());
        await client.WriteLineAsync("INFO");
        var info = await client.ReadLineAsync();
        Assert.Contains("tls=True", info, StringComparison.Ordinal);
        Assert.Contains("sni=mail.example.test", info, StringComparison.Ordinal);
        Assert.Equal(_mail.Thumbprint, client.ServerCertificate!.Thumbprint);
        var discarded = await server.Logs.WaitForAsync("InputDiscardedBeforeTls");
        Assert.Contains("discarded 10 bytes", discarded.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task STARTTLS_keeps_a_ClientHello_that_arrived_before_the_handshake_began()
    {
        await using var server = await TestServer.StartAsync(WithCertificates((ListenerNames.Submission, "127.0.0.1:0")));
        await using var client = await LineClient.ConnectAsync(server.EndPoint(ListenerNames.Submission));
        Assert.StartsWith("READY", await client.ReadLineAsync(), StringComparison.Ordinal);

        await client.WriteAsync("STARTTLS-LATE\r\n");
        Assert.Equal("GO", await client.ReadLineAsync());
        await client.StartTlsAsync("mail.example.test");
        await client.WriteLineAsync("INFO");

        Assert.Contains("tls=True", await client.ReadLineAsync(), StringComparison.Ordinal);
        Assert.False(server.Logs.Contains("InputDiscardedBeforeTls"));
    }

    [Fact]
    public async Task A_renewed_certificate_reaches_new_connections_without_a_restart()
    {
        // certbot's layout: live/ holds symlinks into archive/, and a renewal repoints them.
        var first = _mail;
        var second = certificates.Renewed;
        var archive = _temp.Combine("archive");
        var live = _temp.Combine("live");
        Directory.CreateDirectory(live);
        var v1 = TestCertificates.WritePem(Path.Combine(archive, "1"), first, _intermediate);
        var v2 = TestCertificates.WritePem(Path.Combine(archive, "2"), second);
        var files = new CertificateFiles(Path.Combine(live, "fullchain.pem"), Path.Combine(live, "privkey.pem"));
        File.CreateSymbolicLink(files.CertificatePath, v1.CertificatePath);
        File.CreateSymbolicLink(files.KeyPath, v1.KeyPath);
        var options = TestServer.Options((ListenerNames.Imaps, "127.0.0.1:0"));
        options.Tls.Certificates.Add(files);
        options.Tls.ReloadCheckInterval = TimeSpan.FromMilliseconds(200);
        await using var server = await TestServer.StartAsync(options);
        var endPoint = server.EndPoint(ListenerNames.Imaps);
        await using (var before = await LineClient.ConnectTlsAsync(endPoint, "mail.example.test"))
        {
            Assert.Equal(first.Thumbprint, before.ServerCertificate!.Thumbprint);
        }

        Repoint(files.KeyPath, v2.KeyPath);
        Repoint(files.CertificatePath, v2.CertificatePath);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        string? seen;
        do
        {
            await Task.Delay(100);
            await using var after = await LineClient.ConnectTlsAsync(endPoint, "mail.example.test");
            seen = after.ServerCertificate!.Thumbprint;
        }
        while (seen != second.Thumbprint && DateTime.UtcNow < deadline);

        Assert.Equal(second.Thumbprint, seen);
        await server.Logs.WaitForAsync("CertificateReloaded");
    }

    [Fact]
    public async Task HTTPS_uses_the_same_certificates_and_SNI()
    {
        await using var server = await TestServer.StartAsync(WithCertificates((ListenerNames.Https, "127.0.0.1:0")));
        await using var client = await LineClient.ConnectTlsAsync(server.EndPoint(ListenerNames.Https), "www.example.org");

        await client.WriteAsync("GET / HTTP/1.1\r\nHost: www.example.org\r\nConnection: close\r\n\r\n");

        Assert.Equal(_wildcard.Thumbprint, client.ServerCertificate!.Thumbprint);
        var response = await client.ReadToEndAsync();
        Assert.StartsWith("HTTP/1.1 200", response, StringComparison.Ordinal);
        Assert.Contains("client=127.0.0.1 tls=Tls13 sni=www.example.org\r\n", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_no_certificate_configured_a_self_signed_one_serves_TLS()
    {
        var options = TestServer.Options((ListenerNames.Imaps, "127.0.0.1:0"));
        options.Tls.SelfSignedDirectory = _temp.Combine("selfsigned");
        await using var server = await TestServer.StartAsync(options);

        await using var client = await LineClient.ConnectTlsAsync(server.EndPoint(ListenerNames.Imaps), "posta.test");

        Assert.Equal("CN=posta.test", client.ServerCertificate!.Subject);
        Assert.True(File.Exists(Path.Combine(options.Tls.SelfSignedDirectory, "key.pem")));
    }

    [Fact]
    public async Task An_unusable_certificate_stops_the_start_with_the_file_named()
    {
        var options = TestServer.Options((ListenerNames.Imaps, "127.0.0.1:0"));
        var missing = _temp.Combine("nowhere", "fullchain.pem");
        options.Tls.Certificates.Add(new CertificateFiles(missing, _temp.Combine("nowhere", "privkey.pem")));
        await using var app = TestServer.Build(options, out _);

        var error = await Assert.ThrowsAsync<CertificateLoadException>(() => app.StartAsync());

        Assert.Equal($"tls: {missing}: file not found", error.Message);

        // Nothing was bound before the failure.
        Assert.Empty(app.Services.GetRequiredService<BoundListeners>().All);
    }

    private static void Repoint(string link, string target)
    {
        var temporary = link + ".new";
        File.CreateSymbolicLink(temporary, target);
        File.Move(temporary, link, overwrite: true);
    }
}
