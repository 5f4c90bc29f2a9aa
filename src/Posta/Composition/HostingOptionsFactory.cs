using Posta.Configuration;
using Posta.Hosting;

namespace Posta.Composition;

/// <summary>Maps the validated settings onto the hosting layer's options.</summary>
internal static class HostingOptionsFactory
{
    /// <summary>
    /// The hosting options for <paramref name="listeners"/> (the listeners this process serves);
    /// the others get no addresses and so are not bound.
    /// </summary>
    public static HostingOptions From(PostaSettings settings, IReadOnlySet<string> listeners)
    {
        var options = new HostingOptions
        {
            Hostname = settings.Hostname,
            MaxConnectionsPerIp = settings.ConnectionsPerIp,
            IdleTimeout = settings.IdleTimeout,
            ShutdownTimeout = settings.ShutdownTimeout,
        };
        options.Tls.ReloadCheckInterval = settings.CertificateReloadInterval;
        options.Tls.SelfSignedDirectory = Path.Combine(Path.GetFullPath(settings.DataDirectory), "tls");
        foreach (var (certificate, key) in settings.Certificates)
        {
            options.Tls.Certificates.Add(new CertificateFiles(certificate, key));
        }

        foreach (var proxy in settings.TrustedProxies)
        {
            options.TrustedProxies.Add(proxy);
        }

        foreach (var (name, listener) in settings.Listeners)
        {
            var target = new ListenerOptions { ProxyProtocol = listener.ProxyProtocol, IdleTimeout = listener.IdleTimeout };
            if (listeners.Contains(name))
            {
                foreach (var address in listener.Addresses)
                {
                    target.Addresses.Add(address);
                }
            }

            options.Listeners[name] = target;
        }

        return options;
    }
}
