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
    IEnumerable<ProtocolRegistration> registrations,
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
        var handlers = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase);
        foreach (var registration in registrations)
        {
            if (handlers.TryGetValue(registration.ListenerName, out var other) && other != registration.HandlerType)
            {
                throw new InvalidOperationException(
                    $"listener {registration.ListenerName} has two protocols registered: {other.Name} and {registration.HandlerType.Name}");
            }

            handlers[registration.ListenerName] = registration.HandlerType;
        }

        var trusted = new TrustedNetworks(options.TrustedProxies);
        var endpoints = 0;
        var needsCertificates = false;
        foreach (var name in ListenerNames.All)
        {
            if (!options.Listeners.TryGetValue(name, out var listener) || listener.Addresses.Count == 0)
            {
                continue;
            }

            ConnectionHandler? handler = null;
            if (handlers.TryGetValue(name, out var handlerType))
            {
                handler = (ConnectionHandler)services.GetRequiredService(handlerType);
            }
            else if (!ListenerNames.IsHttp(name))
            {
                Log.ListenerWithoutProtocol(_logger, name);
                continue;
            }

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

                endpoints++;
            }

            needsCertificates |= name != ListenerNames.Http;
        }

        if (endpoints == 0)
        {
            throw new InvalidOperationException(
                $"none of the configured listeners ({string.Join(", ", options.Listeners.Keys)}) has a protocol registered in this process");
        }

        // Fail the start, before any socket is bound, when a certificate file is unusable.
        if (needsCertificates)
        {
            certificates.EnsureLoaded();
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
