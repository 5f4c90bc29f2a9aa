using System.Net;
using Posta.Hosting.Listening;
using Posta.Hosting.Proxy;

namespace Posta.Hosting;

/// <summary>
/// Settings for the connection layer: which listeners bind where, PROXY protocol trust, limits,
/// timeouts and TLS certificates. A plain settable object: the CLI maps configuration onto it and
/// <see cref="Validate"/> reports every problem at once.
/// </summary>
public sealed class HostingOptions
{
    /// <summary>
    /// The server's own host name: the SAN of the generated self-signed certificate, and what
    /// protocols put in greetings. Defaults to the kernel's host name (no DNS lookup at startup);
    /// set the fully qualified name in production.
    /// </summary>
    public string Hostname { get; set; } = Dns.GetHostName();

    /// <summary>Listeners by IANA service name (see <see cref="ListenerNames"/>).</summary>
    public IDictionary<string, ListenerOptions> Listeners { get; } =
        new Dictionary<string, ListenerOptions>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Networks (CIDR such as "10.0.0.0/8", "::1/128", or a single address) allowed to send a
    /// PROXY protocol header on listeners that enable it. Connections from anywhere else to such a
    /// listener are closed.
    /// </summary>
    public IList<string> TrustedProxies { get; } = [];

    /// <summary>
    /// Concurrent connections one client may hold, counted on the real client address after PROXY
    /// protocol (IPv6 clients by their /64). 0 disables the limit. 20 matches the concurrency a
    /// single well-behaved MTA opens towards one destination (Postfix's
    /// default_destination_concurrency_limit) while stopping one host from exhausting the server.
    /// </summary>
    public int MaxConnectionsPerIp { get; set; } = 20;

    /// <summary>
    /// How long a connection may stay without traffic before it is closed. RFC 5321 §4.5.3.2.7
    /// gives an SMTP server 5 minutes waiting for the next command. IMAP (RFC 9051 §5.4: at least
    /// 30 minutes) and POP3 (RFC 1939 §3: at least 10 minutes) are never given less than their
    /// RFC minimum; <see cref="ListenerOptions.IdleTimeout"/> overrides per listener. HTTP
    /// listeners keep Kestrel's own keep-alive limits instead.
    /// </summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long stopping waits for connections to finish their current transaction before they are
    /// aborted. Also applied as the host's shutdown timeout.
    /// </summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Time allowed for a PROXY protocol header and for a TLS handshake. 10 seconds is Kestrel's
    /// TLS handshake default and well above the 3 seconds the PROXY protocol specification asks a
    /// receiver to allow for a TCP retransmission.
    /// </summary>
    public TimeSpan HandshakeTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Certificates and their reloading.</summary>
    public TlsOptions Tls { get; } = new();

    /// <summary>
    /// How often idle timeouts are checked; one timer serves every connection. Timeouts fire up to
    /// one interval late, which is why it is far below the shortest timeout.
    /// </summary>
    internal TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Every invalid setting, each as one sentence naming the setting. Empty when the options can
    /// be used.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Hostname))
        {
            errors.Add("hostname: must not be empty");
        }

        if (MaxConnectionsPerIp < 0)
        {
            errors.Add($"max_connections_per_ip: {MaxConnectionsPerIp} is negative (0 disables the limit)");
        }

        CheckPositive(errors, "idle_timeout", IdleTimeout);
        CheckPositive(errors, "handshake_timeout", HandshakeTimeout);
        CheckPositive(errors, "tls.reload_check_interval", Tls.ReloadCheckInterval);
        if (ShutdownTimeout < TimeSpan.Zero)
        {
            errors.Add($"shutdown_timeout: {ShutdownTimeout} is negative");
        }

        foreach (var proxy in TrustedProxies)
        {
            if (!TrustedNetworks.TryParseNetwork(proxy, out _))
            {
                errors.Add($"trusted_proxies: '{proxy}' is not an address or a CIDR network with no host bits set (e.g. 10.0.0.0/8, ::1/128)");
            }
        }

        var owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, listener) in Listeners)
        {
            if (!ListenerNames.IsKnown(name))
            {
                errors.Add($"listeners.{name}: unknown listener; known listeners are {string.Join(", ", ListenerNames.All)}");
                continue;
            }

            if (listener.IdleTimeout is { } idle && idle != Timeout.InfiniteTimeSpan && idle <= TimeSpan.Zero)
            {
                errors.Add($"listeners.{name}.idle_timeout: {idle} must be positive");
            }

            var hasTcp = false;
            foreach (var text in listener.Addresses)
            {
                if (!ListenAddress.TryParse(text, ListenerNames.DefaultPort(name), out var address, out var error))
                {
                    errors.Add($"listeners.{name}: {error}");
                    continue;
                }

                hasTcp |= address.Kind != ListenAddressKind.Unix;
                if (address.Port != 0 && !owners.TryAdd(address.Key, name))
                {
                    errors.Add($"listeners.{name}: address {address} is also used by listener {owners[address.Key]}");
                }
            }

            if (listener.ProxyProtocol && hasTcp && TrustedProxies.Count == 0)
            {
                errors.Add($"listeners.{name}.proxy_protocol: enabled but trusted_proxies is empty, so every TCP connection would be refused");
            }
        }

        for (var i = 0; i < Tls.Certificates.Count; i++)
        {
            var files = Tls.Certificates[i];
            if (files is null || string.IsNullOrWhiteSpace(files.CertificatePath) || string.IsNullOrWhiteSpace(files.KeyPath))
            {
                errors.Add($"tls.certificates[{i}]: both the certificate (fullchain.pem) and the key (privkey.pem) path are required");
            }
        }

        return errors;
    }

    /// <summary>The idle timeout a listener starts its connections with.</summary>
    internal TimeSpan EffectiveIdleTimeout(string listenerName)
    {
        if (Listeners.TryGetValue(listenerName, out var listener) && listener.IdleTimeout is { } own)
        {
            return own;
        }

        if (ListenerNames.IsHttp(listenerName))
        {
            // Kestrel enforces its own keep-alive and request-header timeouts on HTTP connections.
            return Timeout.InfiniteTimeSpan;
        }

        var minimum = ListenerNames.MinimumIdleTimeout(listenerName);
        return minimum > IdleTimeout ? minimum : IdleTimeout;
    }

    private static void CheckPositive(List<string> errors, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
        {
            errors.Add($"{name}: {value} must be positive");
        }
    }
}
