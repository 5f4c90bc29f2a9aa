using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Posta.Hosting.Listening;
using Posta.Hosting.Tests.Support;

namespace Posta.Hosting.Tests;

public class ListenerEndToEndTests
{
    [Fact]
    public async Task A_unix_socket_listener_creates_its_directory_replaces_a_stale_socket_and_is_group_writable()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("run", "posta", "lmtp.sock");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var crashed = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            // A server killed with -9 leaves its socket file behind. .NET deletes the file of a
            // socket it disposes, so the file is moved away from under it first.
            crashed.Bind(new UnixDomainSocketEndPoint(path + ".old"));
            File.Move(path + ".old", path);
        }

        Assert.True(File.Exists(path));

        await using var server = await TestServer.StartAsync(TestServer.Options((ListenerNames.Lmtp, "unix:" + path)));

        await using var client = await LineClient.ConnectAsync(new UnixDomainSocketEndPoint(path));
        Assert.StartsWith("READY", await client.ReadLineAsync(), StringComparison.Ordinal);
        Assert.Equal(
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite,
            File.GetUnixFileMode(path));
        await server.Logs.WaitForAsync("StaleSocketRemoved");
        var bound = Assert.Single(server.Services.GetRequiredService<BoundListeners>().All);
        Assert.Equal(new BoundListener(ListenerNames.Lmtp, "unix:" + path, bound.EndPoint), bound);
    }

    [Fact]
    public async Task The_missing_parent_directory_of_a_unix_socket_is_created()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("a", "b", "lmtp.sock");

        await using var server = await TestServer.StartAsync(TestServer.Options((ListenerNames.Lmtp, "unix:" + path)));

        await using var client = await LineClient.ConnectAsync(new UnixDomainSocketEndPoint(path));
        Assert.StartsWith("READY", await client.ReadLineAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_unix_socket_another_server_listens_on_is_an_address_in_use()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("lmtp.sock");
        await using var first = await TestServer.StartAsync(TestServer.Options((ListenerNames.Lmtp, "unix:" + path)));

        await using var app = TestServer.Build(TestServer.Options((ListenerNames.Lmtp, "unix:" + path)), out _);
        var error = await Assert.ThrowsAsync<ListenerBindException>(() => app.StartAsync());

        Assert.Equal($"listener lmtp: cannot bind unix:{path}: address already in use", error.Message);
        await using var client = await LineClient.ConnectAsync(new UnixDomainSocketEndPoint(path));
        Assert.StartsWith("READY", await client.ReadLineAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_port_in_use_names_the_listener_and_the_address()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;
        await using var app = TestServer.Build(
            TestServer.Options((ListenerNames.Imap, "127.0.0.1:0"), (ListenerNames.Smtp, $"127.0.0.1:{port}")), out _);

        var error = await Assert.ThrowsAsync<ListenerBindException>(() => app.StartAsync());

        Assert.Equal($"listener smtp: cannot bind 127.0.0.1:{port}: address already in use", error.Message);
        Assert.Equal(ListenerNames.Smtp, error.ListenerName);
    }

    [Fact]
    public void Permission_denied_on_a_privileged_port_says_what_is_needed()
    {
        var reason = ListenSocketFactory.Describe(SocketError.AccessDenied, new IPEndPoint(IPAddress.Any, 25));

        Assert.StartsWith("permission denied: ports below 1024 need root or CAP_NET_BIND_SERVICE", reason, StringComparison.Ordinal);
        Assert.Equal("permission denied", ListenSocketFactory.Describe(SocketError.AccessDenied, new IPEndPoint(IPAddress.Any, 2525)));
        Assert.Null(ListenSocketFactory.Describe(SocketError.AddressFamilyNotSupported, new IPEndPoint(IPAddress.IPv6Any, 25)));
    }

    [Fact]
    public async Task Several_listeners_and_addresses_bind_side_by_side_and_report_their_ports()
    {
        var options = TestServer.Options(
            (ListenerNames.Smtp, "127.0.0.1:0"),
            (ListenerNames.Smtp, "127.0.0.2:0"),
            (ListenerNames.Submission, "127.0.0.1:0"),
            (ListenerNames.Http, "127.0.0.1:0"));
        await using var server = await TestServer.StartAsync(options);

        var bound = server.Services.GetRequiredService<BoundListeners>().All;

        Assert.Equal(4, bound.Count);
        Assert.Equal(2, bound.Count(b => b.Name == ListenerNames.Smtp));
        foreach (var listener in bound.Where(b => b.Name != ListenerNames.Http))
        {
            await using var client = await LineClient.ConnectAsync(listener.EndPoint);
            var ready = await client.ReadLineAsync();
            Assert.EndsWith($" {listener.EndPoint}", ready, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_star_address_serves_IPv4_clients_as_IPv4()
    {
        await using var server = await TestServer.StartAsync(TestServer.Options((ListenerNames.Pop3, "*:0")));
        var port = server.EndPoint(ListenerNames.Pop3).Port;

        await using var client = await LineClient.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));

        Assert.Equal($"READY 127.0.0.1:", (await client.ReadLineAsync())![..16]);
    }

    [Fact]
    public async Task The_full_WebApplication_builder_works_as_the_slim_one_does()
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.UsePostaHosting(TestServer.Options((ListenerNames.ManageSieve, "127.0.0.1:0")));
        builder.Services.AddPostaProtocol<EchoHandler>(ListenerNames.ManageSieve);
        await using var app = builder.Build();
        await app.StartAsync();

        var endPoint = app.Services.GetRequiredService<BoundListeners>().GetEndPoint(ListenerNames.ManageSieve);
        await using var client = await LineClient.ConnectAsync(endPoint);

        Assert.StartsWith("READY 127.0.0.1:", await client.ReadLineAsync(), StringComparison.Ordinal);
        await app.StopAsync();
    }

    [Fact]
    public async Task With_no_listeners_nothing_is_bound()
    {
        await using var server = await TestServer.StartAsync(TestServer.Options());

        Assert.IsType<NoListenersServer>(server.Services.GetRequiredService<IServer>());
        Assert.Empty(server.Services.GetRequiredService<BoundListeners>().All);
    }

    [Fact]
    public async Task Listeners_without_a_registered_protocol_are_skipped_and_nothing_else_is_bound()
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder();
        var logs = new LogCollector();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        using var temp = new TempDirectory();
        var options = TestServer.Options((ListenerNames.Imap, "127.0.0.1:0"));
        options.Tls.SelfSignedDirectory = temp.Path;
        builder.UsePostaHosting(options);
        await using var app = builder.Build();

        await app.StartAsync();

        Assert.IsType<NoListenersServer>(app.Services.GetRequiredService<IServer>());
        Assert.Empty(app.Services.GetRequiredService<BoundListeners>().All);
        Assert.Contains(logs.Entries, e => e.EventName == "ListenerWithoutProtocol" && e.Message.StartsWith("listener imap ", StringComparison.Ordinal));
        Assert.Empty(Directory.GetFiles(temp.Path));
        await app.StopAsync();
    }

    [Fact]
    public async Task Stopping_lets_a_transaction_finish_and_tells_idle_clients_first()
    {
        await using var server = await TestServer.StartAsync(TestServer.Options((ListenerNames.Smtp, "127.0.0.1:0")));
        var endPoint = server.EndPoint(ListenerNames.Smtp);
        await using var busy = await LineClient.ConnectAsync(endPoint);
        await using var idle = await LineClient.ConnectAsync(endPoint);
        await busy.ReadLineAsync();
        await idle.ReadLineAsync();
        await busy.WriteLineAsync("BEGIN");
        Assert.Equal("OK", await busy.ReadLineAsync());

        var stopping = server.StopAsync();

        Assert.Equal("BYE", await idle.ReadLineAsync());
        Assert.False(stopping.IsCompleted);
        await Task.Delay(200);
        await busy.WriteLineAsync("END");
        Assert.Equal("DONE", await busy.ReadLineAsync());
        Assert.Equal("BYE", await busy.ReadLineAsync());
        await stopping.WaitAsync(TimeSpan.FromSeconds(5));

        await Assert.ThrowsAnyAsync<SocketException>(() => LineClient.ConnectAsync(endPoint));
    }

    [Fact]
    public async Task Stopping_aborts_connections_still_open_after_the_shutdown_timeout()
    {
        var options = TestServer.Options((ListenerNames.Smtp, "127.0.0.1:0"));
        options.ShutdownTimeout = TimeSpan.FromMilliseconds(500);
        await using var server = await TestServer.StartAsync(options);
        await using var stuck = await LineClient.ConnectAsync(server.EndPoint(ListenerNames.Smtp));
        await stuck.ReadLineAsync();
        await stuck.WriteLineAsync("HANG");
        Assert.Equal("HANGING", await stuck.ReadLineAsync());

        var clock = Stopwatch.StartNew();
        await server.StopAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(400), $"stopped after {clock.Elapsed} without waiting");
        Assert.Null(await stuck.ReadLineAsync());
    }
}
