using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Posta.Hosting.Connections;
using Posta.Hosting.Listening;
using Posta.Hosting.Tls;

namespace Posta.Hosting;

/// <summary>Wires Posta's listeners into an ASP.NET Core host.</summary>
public static class PostaHostingExtensions
{
    private const string KestrelKey = "Posta.Hosting.Kestrel";

    /// <summary>
    /// Serves <paramref name="listenerName"/> with <typeparamref name="THandler"/> (a singleton).
    /// The same handler may serve several listeners (smtp, submission, submissions); it tells
    /// them apart with <see cref="IConnectionInfo.ListenerName"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The name is unknown, or is http/https, which serve the ASP.NET Core application.</exception>
    public static IServiceCollection AddPostaProtocol<THandler>(this IServiceCollection services, string listenerName)
        where THandler : ConnectionHandler
    {
        ArgumentNullException.ThrowIfNull(services);
        var name = ListenerNames.Normalize(listenerName);
        if (ListenerNames.IsHttp(name))
        {
            throw new ArgumentException($"listener {name} serves the ASP.NET Core application; map endpoints on it instead", nameof(listenerName));
        }

        services.TryAddSingleton<THandler>();
        services.AddSingleton(new ProtocolRegistration(name, typeof(THandler)));
        return services;
    }

    /// <summary>
    /// Makes Kestrel serve exactly the configured listeners: each listener with a protocol
    /// registered by <see cref="AddPostaProtocol{THandler}"/>, plus http and https, which serve
    /// the application built from <paramref name="builder"/>. Listeners with addresses but no
    /// registered protocol are skipped (logged); when nothing is served no socket is bound at all.
    /// Also sets the host's shutdown timeout to <see cref="HostingOptions.ShutdownTimeout"/>.
    /// Certificates load when the host starts, before any socket is bound: an unusable certificate
    /// file or an address that cannot be bound makes <c>StartAsync</c> throw
    /// (<see cref="CertificateLoadException"/>, <see cref="ListenerBindException"/>).
    /// </summary>
    /// <exception cref="HostingConfigurationException">The options are invalid; every problem is listed.</exception>
    public static WebApplicationBuilder UsePostaHosting(this WebApplicationBuilder builder, HostingOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new HostingConfigurationException(errors);
        }

        builder.WebHost.UseKestrelCore();
        var services = builder.Services;
        ReplaceServer(services);
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<BoundListeners>();
        services.TryAddSingleton<ConnectionTracker>();
        services.TryAddSingleton<CertificateStore>();
        services.TryAddSingleton<TlsHandshaker>();
        services.TryAddSingleton<ListenSocketFactory>();
        services.TryAddSingleton<ServedListeners>();
        services.AddHostedService<CertificateStartup>();
        services.AddHostedService<CertificateReloadService>();
        services.AddSingleton<IConfigureOptions<KestrelServerOptions>, KestrelListenerSetup>();
        services.AddOptions<SocketTransportOptions>()
            .Configure<ListenSocketFactory>((transport, factory) => transport.CreateBoundListenSocket = factory.CreateBoundListenSocket);
        services.Configure<HostOptions>(host => host.ShutdownTimeout = options.ShutdownTimeout);
        return builder;
    }

    /// <summary>
    /// Keeps Kestrel's registration under a key and resolves IServer to it only when some listener
    /// is served: which ones are is known once every protocol has been registered, after this call.
    /// </summary>
    private static void ReplaceServer(IServiceCollection services)
    {
        var kestrel = services.LastOrDefault(descriptor => descriptor.ServiceType == typeof(IServer) && !descriptor.IsKeyedService)
            ?? throw new InvalidOperationException("Kestrel is not registered as the server");
        services.Remove(kestrel);
        services.Add(kestrel switch
        {
            { ImplementationType: { } type } => ServiceDescriptor.KeyedSingleton(typeof(IServer), KestrelKey, type),
            { ImplementationFactory: { } factory } => ServiceDescriptor.KeyedSingleton(typeof(IServer), KestrelKey, (provider, _) => factory(provider)),
            _ => ServiceDescriptor.KeyedSingleton(typeof(IServer), KestrelKey, kestrel.ImplementationInstance!),
        });
        services.AddSingleton<IServer>(provider => provider.GetRequiredService<ServedListeners>().Any
            ? provider.GetRequiredKeyedService<IServer>(KestrelKey)
            : ActivatorUtilities.CreateInstance<NoListenersServer>(provider));
    }
}
