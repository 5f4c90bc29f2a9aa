namespace Posta.Hosting;

/// <summary>One listener: where it binds and how connections reach it.</summary>
public sealed class ListenerOptions
{
    /// <summary>
    /// Addresses to bind: "127.0.0.1:2525", "[::1]:143", "0.0.0.0:25", "*:25" (every IPv4 and
    /// IPv6 address), "unix:/run/posta/lmtp.sock". A missing port means the listener's IANA port.
    /// </summary>
    public IList<string> Addresses { get; } = [];

    /// <summary>
    /// Expect a PROXY protocol v1 or v2 header on every connection. Only connections from
    /// <see cref="HostingOptions.TrustedProxies"/> (or over a unix socket) are accepted, and the
    /// client address they announce replaces the proxy's.
    /// </summary>
    public bool ProxyProtocol { get; set; }

    /// <summary>
    /// Overrides <see cref="HostingOptions.IdleTimeout"/> for this listener;
    /// <see cref="Timeout.InfiniteTimeSpan"/> disables it.
    /// </summary>
    public TimeSpan? IdleTimeout { get; set; }
}
