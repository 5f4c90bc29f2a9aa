using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Posta.Hosting.Connections;
using Posta.Hosting.Proxy;
using Posta.Hosting.Tls;

namespace Posta.Hosting.Listening;

/// <summary>
/// Binds every configured listener that has something to serve it and builds its middleware:
/// setup (feature, heartbeat) → PROXY protocol → per-IP limit → implicit TLS → handler.
/// </summary>
internal sealed class KestrelListenerSetup(
    HostingOptions options,
    ServedListeners served,
    IServiceProvider services,
    ConnectionTracker tracker,
    CertificateStore certificates,
    TlsHandshaker handshaker,
    ListenSocketFactory sockets,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILoggerFactory loggers) : IConfigureOptions<KestrelServerOptions>
{
    private readonly ILogger _logger = loggers.CreateLogger("Posta.Hosting");

    public void Configure(KestrelServerOptions kestrel)
    {
        foreach (var name in served.Unserved)
        {
            Log.ListenerWithoutProtocol(_logger, name);
        }

        var trusted = new TrustedNetworks(options.TrustedProxies);
        foreach (var (name, handlerType) in served.Handlers)
        {
            var listener = options.Listeners[name];
            var handler = handlerType is null ? null : (ConnectionHandler)services.GetRequiredService(handlerType);
            var context = new ListenerContext
            {
                Name = name,
                Options = options,
                IdleTimeout = options.EffectiveIdleTimeout(name),
                TrackActivity = !ListenerNames.IsHttp(name),
                Tracker = tracker,
                Tls = handshaker,
                Time = time,
                ShutdownRequested = lifetime.ApplicationStopping,
                Logger = _logger,
                LimitResponder = handler as IConnectionLimitResponder,
            };

            foreach (var text in listener.Addresses)
            {
                if (!ListenAddress.TryParse(text, ListenerNames.DefaultPort(name), out var address, out var error))
                {
                    throw new HostingConfigurationException($"listeners.{name}: {error}");
                }

                var target = new ListenTarget(name, address);
                void Configure(ListenOptions listen)
                {
                    sockets.Register(listen.EndPoint, target);
                    Build(listen, context, listener.ProxyProtocol ? trusted : null, handler);
                }

                switch (address.Kind)
                {
                    case ListenAddressKind.Unix:
                        kestrel.ListenUnixSocket(address.Path!, Configure);
                        break;
                    case ListenAddressKind.AnyIp:
                        // One dual-stack socket: Kestrel sets IPV6_V6ONLY off for IPv6Any.
                        kestrel.Listen(new IPEndPoint(IPAddress.IPv6Any, address.Port), Configure);
                        break;
                    default:
                        kestrel.Listen(new IPEndPoint(address.Address!, address.Port), Configure);
                        break;
                }
            }
        }
    }

    private void Build(ListenOptions listen, ListenerContext context, TrustedNetworks? proxies, ConnectionHandler? handler)
    {
        var https = context.Name == ListenerNames.Https;
        listen.Protocols = https ? HttpProtocols.Http1AndHttp2 : HttpProtocols.Http1;
        listen.Use(next => new ConnectionSetupMiddleware(next, context).OnConnectionAsync);
        if (proxies is not null)
        {
            listen.Use(next => new ProxyProtocolMiddleware(next, context, proxies).OnConnectionAsync);
        }

        listen.Use(next => new ConnectionLimitMiddleware(next, context).OnConnectionAsync);
        if (https)
        {
            // Kestrel's own HTTPS layer (ALPN, HTTP/2), fed from the same store so SNI, chains
            // and reloads behave exactly as on the mail ports.
            listen.UseHttps(new TlsHandshakeCallbackOptions
            {
                OnConnection = callback => ValueTask.FromResult(
                    TlsServerOptions.Create(certificates.Select(callback.ClientHelloInfo.ServerName))),
                HandshakeTimeout = options.HandshakeTimeout,
            });
        }
        else if (ListenerNames.IsImplicitTls(context.Name))
        {
            listen.Use(next => new ImplicitTlsMiddleware(next, context).OnConnectionAsync);
        }

        if (handler is not null)
        {
            listen.Run(handler.OnConnectedAsync);
        }
    }
}
