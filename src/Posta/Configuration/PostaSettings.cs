namespace Posta.Configuration;

/// <summary>
/// The validated configuration of one Posta process. Built by <see cref="SettingsLoader"/> from
/// defaults, the configuration file, <c>POSTA_*</c> environment variables and command-line flags,
/// in that order of precedence. Every setting is documented in docs/configuration.md.
/// </summary>
internal sealed class PostaSettings
{
    /// <summary>The configuration file read, or null when there was none.</summary>
    public string? ConfigFile { get; set; }

    /// <summary>The name this server uses for itself (SMTP greeting, HELO, self-signed certificate).</summary>
    public string Hostname { get; set; } = DefaultHostname();

    /// <summary>Where the embedded store keeps its database and message files.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>The roles this process plays; all of them by default.</summary>
    public ISet<string> Roles { get; } = new HashSet<string>(Configuration.Roles.All, StringComparer.Ordinal);

    /// <summary>Listener name → addresses it binds, for the listeners that are enabled.</summary>
    public IDictionary<string, ListenerSettings> Listeners { get; } = new Dictionary<string, ListenerSettings>(StringComparer.Ordinal);

    /// <summary>Networks (CIDR) whose proxies may send a PROXY protocol header.</summary>
    public IList<string> TrustedProxies { get; } = [];

    /// <summary>delivery.lmtp: the store node's LMTP listener this node hands local mail to, or null to deliver into its own store.</summary>
    public string? DeliveryLmtp { get; set; }

    /// <summary>Simultaneous connections one client address may hold.</summary>
    public int ConnectionsPerIp { get; set; } = 20;

    /// <summary>How long a connection may stay silent. RFC 5321 §4.5.3.2.7: at least five minutes.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a stopping server lets open sessions finish their transaction.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest message accepted, in octets (see LocalDeliveryOptions.DefaultMaxMessageSize for the default's source).</summary>
    public long MaxMessageSize { get; set; } = Smtp.Delivery.LocalDeliveryOptions.DefaultMaxMessageSize;

    /// <summary>Most recipients per transaction (Postfix smtpd_recipient_limit: 1000).</summary>
    public int MaxRecipients { get; set; } = Smtp.Delivery.LocalDeliveryOptions.DefaultMaxRecipients;

    /// <summary>Certificate files; empty means a self-signed certificate in the data directory.</summary>
    public IList<(string Certificate, string Key)> Certificates { get; } = [];

    /// <summary>How often certificate files are checked for renewal.</summary>
    public TimeSpan CertificateReloadInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Characters that introduce a sub-address (<c>user+tag@</c>).</summary>
    public string SubaddressDelimiters { get; set; } = "+";

    /// <summary>Quota for users without their own; null is unlimited.</summary>
    public long? DefaultQuotaBytes { get; set; }

    /// <summary>Scheme for newly set passwords.</summary>
    public string PasswordScheme { get; set; } = "BLF-CRYPT";

    /// <summary>Shortest password accepted.</summary>
    public int MinPasswordLength { get; set; } = 8;

    /// <summary>DNS servers to ask instead of those in /etc/resolv.conf.</summary>
    public IList<string> Resolvers { get; } = [];

    /// <summary>Least severe log level written.</summary>
    public string LogLevel { get; set; } = "information";

    /// <summary>"simple" (one line per event) or "json".</summary>
    public string LogFormat { get; set; } = "simple";

    private static string DefaultHostname()
    {
        try
        {
            var name = System.Net.Dns.GetHostName();
            return string.IsNullOrWhiteSpace(name) ? "localhost" : name.ToLowerInvariant();
        }
        catch (System.Net.Sockets.SocketException)
        {
            return "localhost";
        }
    }
}
