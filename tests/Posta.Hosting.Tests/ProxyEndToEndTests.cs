using System.Net;
using System.Text;
using Posta.Hosting.Tests.Support;

namespace Posta.Hosting.Tests;

public class ProxyEndToEndTests
{
    private static HostingOptions ProxiedSmtp()
    {
        var options = TestServer.Options((ListenerNames.Smtp, "127.0.0.1:0"));
        options.Listeners[ListenerNames.Smtp].ProxyProtocol = true;
        options.TrustedProxies.Add("127.0.0.1/32");
        return options;
    }

    [Fact]
    public async Task A_v1_header_from_a_trusted_proxy_becomes_the_client_address()
    {
        await using var server = await TestServer.StartAsync(ProxiedSmtp());
        await using var client = await LineClient.ConnectAsync(server.EndPoint(ListenerNames.Smtp));

        await client.WriteAsync("PROXY TCP4 203.0.113.7 198.51.100.1 40000 25\r\n");

        Assert.Equal("READY 203.0.113.7:40000 198.51.100.1:25", await client.ReadLineAsync());
        await client.WriteLineAsync("INFO");
        var info = await client.ReadLineAsync();
        Assert.StartsWith("INFO remote=203.0.113.7:40000 local=198.51.100.1:25 proxy=127.0.0.1:", info, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_v2_IPv6_header_with_the_first_command_in_the_same_packet_works()
    {
        await using var server = await TestServer.StartAsync(ProxiedSmtp());
        await using var client = await LineClient.ConnectAsync(server.EndPoint(ListenerNames.Smtp));
        var header = ProxyProtocolParserTests.V2(0x21, 0x21, ProxyProtocolParserTests.Inet("2001:db8::7", "2001:db8::25", 50000, 25));

        await client.WriteAsync([.. header, .. "HELLO\r\n"u8.ToArray()]);

        Assert.Equal("READY [2001:db8::7]:50000 [2001:db8::25]:25", await client.ReadLineAsync());
        Assert.Equal("HELLO", await client.ReadLineAsync());
    }

    [Fact]
    public async Task A_v2_LOCAL_header_keeps_the_real_endpoints()
    {
        await using var server = await TestServer.StartAsync(ProxiedSmtp());
        var endPoint = server.EndPoint(ListenerNames.Smtp);
        await using var client = await LineClient.ConnectAsync(endPoint);

        await client.WriteAsync(ProxyProtocolParserTests.V2(0x20, 0x00, []));

        var ready = await client.ReadLineAsync();
        Assert.StartsWith("READY 127.0.0.1:", ready, StringComparison.Ordinal);
        Assert.EndsWith($" {endPoint}", ready, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_from_an_untrusted_address_is_closed_without_a_word()
    {
        await using var server = await TestServer.StartAsync(ProxiedSmtp());

        // 127.0.0.2 is loopback too, but not in trusted_proxies.
        await using var client = await LineClient.ConnectAsync(server.EndPoint(ListenerNames.Smtp), from: IPAddress.Parse("127.0.0.2"));
        await client.WriteAsync("PROXY TCP4 203.0.113.7 198.51.100.1 40000 25\r\n");

        Assert.Null(await client.ReadLineAsync());
        var entry = await server.Logs.WaitForAsync("UntrustedProxySource");
        Assert.Contains("127.0.0.2", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_trusted_proxy_that_sends_no_valid_header_is_closed()
    {
        await using var server = await TestServer.StartAsync(ProxiedSmtp());
        await using var client = await LineClient.ConnectAsync(server.EndPoint(ListenerNames.Smtp));

        await client.WriteAsync("EHLO spoofer\r\n");

        Assert.Null(await client.ReadLineAsync());
        var entry = await server.Logs.WaitForAsync("InvalidProxyHeader");
        Assert.Contains("NotProxyProtocol", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_proxy_that_never_finishes_its_header_is_cut_off_after_the_handshake_timeout()
    {
        var options = ProxiedSmtp();
        options.HandshakeTimeout = TimeSpan.FromMilliseconds(300);
        await using var server = await TestServer.StartAsync(options);
        await using var client = await LineClient.ConnectAsync(server.EndPoint(ListenerNames.Smtp));

        await client.WriteAsync("PROXY TCP4 203.0");

        Assert.Null(await client.ReadLineAsync(TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task The_HTTP_application_sees_the_proxied_client()
    {
        var options = TestServer.Options((ListenerNames.Http, "127.0.0.1:0"));
        options.Listeners[ListenerNames.Http].ProxyProtocol = true;
        options.TrustedProxies.Add("127.0.0.0/8");
        await using var server = await TestServer.StartAsync(options);
        await using var client = await LineClient.ConnectAsync(server.EndPoint(ListenerNames.Http));

        await client.WriteAsync("PROXY TCP6 2001:db8::99 2001:db8::1 1234 80\r\nGET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        var response = await client.ReadToEndAsync();
        Assert.StartsWith("HTTP/1.1 200", response, StringComparison.Ordinal);
        Assert.Contains("client=2001:db8::99 tls= sni=\r\n", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_unix_socket_listener_accepts_PROXY_headers_from_local_processes()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("lmtp.sock");
        var options = TestServer.Options((ListenerNames.Lmtp, "unix:" + path));
        options.Listeners[ListenerNames.Lmtp].ProxyProtocol = true;
        await using var server = await TestServer.StartAsync(options);
        await using var client = await LineClient.ConnectAsync(new System.Net.Sockets.UnixDomainSocketEndPoint(path));

        await client.WriteAsync(Encoding.ASCII.GetBytes("PROXY TCP4 192.0.2.10 192.0.2.1 31337 24\r\n"));

        Assert.Equal("READY 192.0.2.10:31337 192.0.2.1:24", await client.ReadLineAsync());
    }
}
