using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Posta.Hosting;

namespace Posta.Hosting.Tests.Support;

/// <summary>
/// A real Kestrel host on loopback with <see cref="EchoHandler"/> on every mail listener and a
/// tiny application on http/https that answers with the client address it sees.
/// </summary>
public sealed class TestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestServer(WebApplication app, LogCollector logs)
    {
        _app = app;
        Logs = logs;
    }

    public LogCollector Logs { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Options with fast timers, for tests.</summary>
    public static HostingOptions Options(params (string Listener, string Address)[] listeners)
    {
        var options = new HostingOptions
        {
            Hostname = "posta.test",
            HeartbeatInterval = TimeSpan.FromMilliseconds(50),
            ShutdownTimeout = TimeSpan.FromSeconds(5),
        };
        foreach (var (listener, address) in listeners)
        {
            if (!options.Listeners.TryGetValue(listener, out var settings))
            {
                settings = new ListenerOptions();
                options.Listeners[listener] = settings;
            }

            settings.Addresses.Add(address);
        }

        return options;
    }

    public static async Task<TestServer> StartAsync(HostingOptions options)
    {
        var app = Build(options, out var logs);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new TestServer(app, logs);
    }

    /// <summary>Builds without starting, for tests that expect the start to fail.</summary>
    public static WebApplication Build(HostingOptions options, out LogCollector logs)
    {
        var builder = WebApplication.CreateSlimBuilder();
        logs = new LogCollector();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddProvider(logs);
        builder.UsePostaHosting(options);
        foreach (var name in ListenerNames.All.Where(name => !ListenerNames.IsHttp(name)))
        {
            builder.Services.AddPostaProtocol<EchoHandler>(name);
        }

        var app = builder.Build();
        app.Run(async context =>
        {
            var tls = context.Features.Get<ITlsHandshakeFeature>();
            await context.Response.WriteAsync($"client={context.Connection.RemoteIpAddress} tls={tls?.Protocol} sni={tls?.HostName}");
        });
        return app;
    }

    public IPEndPoint EndPoint(string listener) =>
        (IPEndPoint)Services.GetRequiredService<BoundListeners>().GetEndPoint(listener);

    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _app.StopAsync(new CancellationTokenSource(TimeSpan.FromSeconds(5)).Token);
        }
        catch (OperationCanceledException)
        {
            // Already stopping.
        }

        await _app.DisposeAsync();
    }
}
