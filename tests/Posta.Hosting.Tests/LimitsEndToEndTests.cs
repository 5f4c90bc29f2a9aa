using System.Net;
using Posta.Hosting.Connections;
using Posta.Hosting.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Posta.Hosting.Tests;

public class LimitsEndToEndTests
{
    [Fact]
    public async Task Connections_beyond_the_per_IP_limit_are_refused_and_counted_on_the_real_client()
    {
        var options = TestServer.Options((ListenerNames.Smtp, "127.0.0.1:0"));
        options.MaxConnectionsPerIp = 2;
        await using var server = await TestServer.StartAsync(options);
        var endPoint = server.EndPoint(ListenerNames.Smtp);
        var first = await LineClient.ConnectAsync(endPoint);
        await using var second = await LineClient.ConnectAsync(endPoint);
        Assert.StartsWith("READY", await first.ReadLineAsync(), StringComparison.Ordinal);
        Assert.StartsWith("READY", await second.ReadLineAsync(), StringComparison.Ordinal);

        await using (var third = await LineClient.ConnectAsync(endPoint))
        {
            // The protocol's refusal (IConnectionLimitResponder), then the close.
            Assert.Equal("LIMIT", await third.ReadLineAsync());
            Assert.Null(await third.ReadLineAsync());
        }

        var refused = await server.Logs.WaitForAsync("ConnectionLimitExceeded");
        Assert.Contains("127.0.0.1", refused.Message, StringComparison.Ordinal);

        // Another client address is not affected.
        await using (var other = await LineClient.ConnectAsync(endPoint, from: IPAddress.Parse("127.0.0.3")))
        {
            Assert.StartsWith("READY 127.0.0.3:", await other.ReadLineAsync(), StringComparison.Ordinal);
        }

        // A closed connection frees its slot.
        await first.WriteLineAsync("QUIT");
        Assert.Equal("BYE", await first.ReadLineAsync());
        await first.DisposeAsync();
        var tracker = server.Services.GetRequiredService<ConnectionTracker>();
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (tracker.CountFor(IPAddress.Loopback) > 1 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        await using var fourth = await LineClient.ConnectAsync(endPoint);
        Assert.StartsWith("READY", await fourth.ReadLineAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_limit_applies_to_the_client_a_proxy_announces_not_to_the_proxy()
    {
        var options = TestServer.Options((ListenerNames.Smtp, "127.0.0.1:0"));
        options.MaxConnectionsPerIp = 1;
        options.TrustedProxies.Add("127.0.0.1");
        options.Listeners[ListenerNames.Smtp].ProxyProtocol = true;
        await using var server = await TestServer.StartAsync(options);
        var endPoint = server.EndPoint(ListenerNames.Smtp);

        await using var a = await LineClient.ConnectAsync(endPoint);
        await a.WriteAsync("PROXY TCP4 192.0.2.1 192.0.2.100 1000 25\r\n");
        Assert.StartsWith("READY 192.0.2.1:1000", await a.ReadLineAsync(), StringComparison.Ordinal);
        await using var b = await LineClient.ConnectAsync(endPoint);
        await b.WriteAsync("PROXY TCP4 192.0.2.2 192.0.2.100 1000 25\r\n");
        Assert.StartsWith("READY 192.0.2.2:1000", await b.ReadLineAsync(), StringComparison.Ordinal);
        await using var again = await LineClient.ConnectAsync(endPoint);
        await again.WriteAsync("PROXY TCP4 192.0.2.1 192.0.2.100 1001 25\r\n");

        Assert.Equal("LIMIT", await again.ReadLineAsync());
    }

    [Fact]
    public async Task An_idle_client_gets_the_protocols_timeout_reply_and_is_disconnected()
    {
        var options = TestServer.Options((ListenerNames.Smtp, "127.0.0.1:0"));
        options.Listeners[ListenerNames.Smtp].IdleTimeout = TimeSpan.FromMilliseconds(300);
        await using var server = await TestServer.StartAsync(options);
        await using var client = await LineClient.ConnectAsync(server.EndPoint(ListenerNames.Smtp));
        Assert.StartsWith("READY", await client.ReadLineAsync(), StringComparison.Ordinal);

        Assert.Equal("IDLE", await client.ReadLineAsync());
        Assert.Null(await client.ReadLineAsync());
        await server.Logs.WaitForAsync("IdleTimeout");
    }

    [Fact]
    public async Task An_idle_TLS_client_is_timed_out_through_the_TLS_layer()
    {
        using var temp = new TempDirectory();
        var options = TestServer.Options((ListenerNames.Imaps, "127.0.0.1:0"));
        options.Listeners[ListenerNames.Imaps].IdleTimeout = TimeSpan.FromMilliseconds(300);
        options.Tls.SelfSignedDirectory = temp.Path;
        await using var server = await TestServer.StartAsync(options);
        await using var client = await LineClient.ConnectTlsAsync(server.EndPoint(ListenerNames.Imaps), "posta.test");
        Assert.StartsWith("READY", await client.ReadLineAsync(), StringComparison.Ordinal);

        Assert.Equal("IDLE", await client.ReadLineAsync());
        Assert.Null(await client.ReadLineAsync());
    }
}
