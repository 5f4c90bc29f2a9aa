using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Posta.Smtp.Outbound.Client;

namespace Posta.Smtp.Tests.Client;

/// <summary>STARTTLS (RFC 3207) against a scripted server with a throwaway certificate.</summary>
public sealed class ClientTlsTests
{
    [Fact]
    public async Task STARTTLS_upgrades_the_connection_and_EHLO_is_asked_again()
    {
        using var certificate = CreateCertificate();
        await using var server = ScriptedServer.Start(async c =>
        {
            await FakeServer.GreetAsync(c, ["PIPELINING", "STARTTLS", "SIZE 1000"]);
            Assert.Equal("STARTTLS", await c.ReadLineAsync());
            await c.SendAsync("220 2.0.0 Ready to start TLS\r\n");
            await c.StartTlsAsync(certificate);
            Assert.Equal("EHLO client.test", await c.ReadLineAsync());
            await c.SendAsync(FakeServer.HelloReply(["PIPELINING", "AUTH PLAIN", "REQUIRETLS"]));
            Assert.Equal(["MAIL FROM:<carol@example.net> REQUIRETLS", "RCPT TO:<alice@example.org>", "DATA"], await c.ReadLinesAsync(3));
            await c.SendAsync("250 Ok\r\n250 Ok\r\n354 go\r\n");
            Assert.Equal("secret\r\n.\r\n", FakeServer.Text(await c.ReadDataAsync()));
            await c.SendAsync("250 Ok\r\n");
            await FakeServer.QuitAsync(c);
        });
        await using var session = await SmtpClientSession.ConnectAsync(server.EndPoint, FakeServer.Options());
        X509Certificate? seen = null;

        await session.StartTlsAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "fake.test",
            RemoteCertificateValidationCallback = (_, cert, _, _) =>
            {
                seen = cert;
                return true;
            },
        });

        Assert.True(session.IsEncrypted);
        Assert.NotEqual(SslProtocols.None, session.TlsProtocol);
        Assert.Equal(certificate.Thumbprint, new X509Certificate2(seen!).Thumbprint);
        Assert.False(session.Capabilities.StartTls);
        Assert.Null(session.Capabilities.MaxMessageSize);
        Assert.Equal(["PLAIN"], session.Capabilities.AuthMechanisms);
        var result = await session.SendAsync(FakeServer.Envelope("carol@example.net", "alice@example.org") with { RequireTls = true }, new NonSeekableStream("secret\r\n"u8.ToArray()));
        Assert.True(result.AllDelivered);
        await session.QuitAsync();
        await server.FinishAsync();
    }

    [Fact]
    public async Task Data_sent_after_the_220_before_TLS_is_refused_as_injection()
    {
        await using var server = ScriptedServer.Start(async c =>
        {
            await FakeServer.GreetAsync(c, ["STARTTLS"]);
            Assert.Equal("STARTTLS", await c.ReadLineAsync());
            await c.SendAsync("220 2.0.0 Ready to start TLS\r\n250-injected\r\n250 AUTH PLAIN\r\n");
            Assert.True(await c.ReadsEndOfStreamAsync());
        });
        await using var session = await SmtpClientSession.ConnectAsync(server.EndPoint, FakeServer.Options());

        var e = await Assert.ThrowsAsync<SmtpProtocolException>(() => session.StartTlsAsync(new SslClientAuthenticationOptions { TargetHost = "fake.test" }));

        Assert.Contains("after its 220", e.Message, StringComparison.Ordinal);
        Assert.False(session.IsConnected);
        await server.FinishAsync();
    }

    [Fact]
    public async Task A_refused_STARTTLS_leaves_the_session_usable_in_the_clear()
    {
        await using var server = ScriptedServer.Start(async c =>
        {
            await FakeServer.GreetAsync(c, ["STARTTLS"]);
            Assert.Equal("STARTTLS", await c.ReadLineAsync());
            await c.SendAsync("454 4.7.0 TLS not available due to local problem\r\n");
            await FakeServer.QuitAsync(c);
        });
        await using var session = await SmtpClientSession.ConnectAsync(server.EndPoint, FakeServer.Options());

        var e = await Assert.ThrowsAsync<SmtpCommandException>(() => session.StartTlsAsync(new SslClientAuthenticationOptions { TargetHost = "fake.test" }));

        Assert.Equal(454, e.ServerReply.Code);
        Assert.True(session.IsConnected);
        Assert.False(session.IsEncrypted);
        await session.QuitAsync();
        await server.FinishAsync();
    }

    [Fact]
    public async Task STARTTLS_is_not_sent_to_a_server_that_does_not_offer_it()
    {
        await using var server = ScriptedServer.Start(async c =>
        {
            await FakeServer.GreetAsync(c, ["PIPELINING"]);
            await FakeServer.QuitAsync(c);
        });
        await using var session = await SmtpClientSession.ConnectAsync(server.EndPoint, FakeServer.Options());

        await Assert.ThrowsAsync<InvalidOperationException>(() => session.StartTlsAsync(new SslClientAuthenticationOptions { TargetHost = "fake.test" }));

        Assert.True(session.IsConnected);
        await session.QuitAsync();
        await server.FinishAsync();
    }

    [Fact]
    public async Task Over_implicit_TLS_the_session_knows_it_is_encrypted()
    {
        using var certificate = CreateCertificate();
        await using var server = ScriptedServer.Start(async c =>
        {
            await c.StartTlsAsync(certificate);
            await FakeServer.GreetAsync(c, ["PIPELINING", "REQUIRETLS"]);
            await FakeServer.QuitAsync(c);
        });
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync((System.Net.IPEndPoint)server.EndPoint);
        var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false, (_, _, _, _) => true);
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "fake.test" });

        await using var session = await SmtpClientSession.ConnectAsync(tls, FakeServer.Options());

        Assert.True(session.IsEncrypted);
        Assert.NotEqual(SslProtocols.None, session.TlsProtocol);
        await Assert.ThrowsAsync<InvalidOperationException>(() => session.StartTlsAsync(new SslClientAuthenticationOptions { TargetHost = "fake.test" }));
        await session.QuitAsync();
        await server.FinishAsync();
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=fake.test", key, HashAlgorithmName.SHA256);
        using var ephemeral = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));

        // Through PKCS#12, so the key is usable by the TLS server on every platform.
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), null);
    }
}
