using System.Collections;
using System.Globalization;
using System.Net;
using Posta.Hosting;

namespace Posta.Configuration;

/// <summary>
/// Builds <see cref="PostaSettings"/> from defaults, a YAML file, <c>POSTA_*</c> environment
/// variables (<c>__</c> between levels: <c>POSTA_TLS__RELOAD_INTERVAL=10s</c>) and command-line
/// overrides, and collects every invalid or unknown setting instead of stopping at the first.
/// </summary>
internal static class SettingsLoader
{
    /// <summary>Environment variables start with this; the rest is the setting's path.</summary>
    public const string EnvironmentPrefix = "POSTA_";

    /// <summary>Names the configuration file when --config is not given.</summary>
    public const string ConfigFileVariable = "POSTA_CONFIG";

    private static readonly string[] KnownLogLevels = ["trace", "debug", "information", "warning", "error", "critical", "none"];

    /// <summary>
    /// Loads the settings. A missing or unparsable file is fatal (<see cref="ConfigurationException"/>);
    /// invalid values are returned in <paramref name="errors"/>, all of them.
    /// </summary>
    public static PostaSettings Load(string? configFile, IReadOnlyDictionary<string, string?> overrides, IDictionary environment, out IReadOnlyList<string> errors)
    {
        var values = new SettingValues();
        configFile ??= environment[ConfigFileVariable] as string;
        if (string.IsNullOrEmpty(configFile) && File.Exists("posta.yml"))
        {
            configFile = "posta.yml";
        }

        if (!string.IsNullOrEmpty(configFile))
        {
            if (!File.Exists(configFile))
            {
                throw new ConfigurationException($"the configuration file {configFile} does not exist");
            }

            foreach (var (key, value) in YamlConfigurationReader.Read(configFile))
            {
                values.Set(key, value, $"{configFile}");
            }
        }

        foreach (DictionaryEntry entry in environment)
        {
            var name = (string)entry.Key;
            if (!name.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase) || name.Equals(ConfigFileVariable, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var key = name[EnvironmentPrefix.Length..].Replace("__", ":", StringComparison.Ordinal).ToLowerInvariant();
            values.SetFromEnvironment(key, entry.Value as string, name);
        }

        foreach (var (key, value) in overrides)
        {
            values.Set(key, value, "command line");
        }

        var settings = new PostaSettings { ConfigFile = string.IsNullOrEmpty(configFile) ? null : Path.GetFullPath(configFile) };
        var problems = new List<string>();
        Apply(values, settings, problems);
        foreach (var unused in values.Unused())
        {
            problems.Add($"{values.Describe(unused)}: unknown setting");
        }

        errors = problems;
        return settings;
    }

    private static void Apply(SettingValues v, PostaSettings s, List<string> problems)
    {
        if (v.String("hostname") is { } hostname)
        {
            if (Directory.Addresses.AddressNormalizer.TryNormalizeDomain(hostname, out var normalized, out var error))
            {
                s.Hostname = normalized;
            }
            else
            {
                problems.Add($"{v.Describe("hostname")}: {error}");
            }
        }

        if (v.String("data") is { } data)
        {
            if (data.Trim().Length == 0)
            {
                problems.Add($"{v.Describe("data")}: the data directory may not be empty");
            }
            else
            {
                s.DataDirectory = data;
            }
        }

        if (v.List("roles") is { } roles)
        {
            s.Roles.Clear();
            foreach (var role in roles.Select(r => r.ToLowerInvariant()))
            {
                if (role == "all")
                {
                    s.Roles.UnionWith(Configuration.Roles.All);
                }
                else if (Configuration.Roles.All.Contains(role))
                {
                    s.Roles.Add(role);
                }
                else
                {
                    problems.Add($"{v.Describe("roles")}: unknown role '{role}'; the roles are all, {string.Join(", ", Configuration.Roles.All)}");
                }
            }
        }

        ApplyListeners(v, s, problems);

        foreach (var cidr in v.List("network:trusted_proxies") ?? [])
        {
            if (!IPNetwork.TryParse(cidr, out _))
            {
                problems.Add($"{v.Describe("network:trusted_proxies")}: '{cidr}' is not a network in CIDR form (like 10.0.0.0/8 or ::1/128)");
            }
            else
            {
                s.TrustedProxies.Add(cidr);
            }
        }

        s.ConnectionsPerIp = v.Int("limits:connections_per_ip", 1, 100_000, problems) ?? s.ConnectionsPerIp;
        s.IdleTimeout = v.Duration("limits:idle_timeout", TimeSpan.FromSeconds(1), problems) ?? s.IdleTimeout;
        s.ShutdownTimeout = v.Duration("limits:shutdown_timeout", TimeSpan.Zero, problems) ?? s.ShutdownTimeout;
        s.MaxRecipients = v.Int("limits:max_recipients", 100, 100_000, problems) ?? s.MaxRecipients;
        if (v.String("limits:max_message_size") is { } maxSize)
        {
            // RFC 5321 §4.5.3.1.7: at least 64K octets.
            if (ConfigurationValues.TryParseSize(maxSize, out var bytes) && bytes is >= 64 * 1024)
            {
                s.MaxMessageSize = bytes.Value;
            }
            else
            {
                problems.Add($"{v.Describe("limits:max_message_size")}: '{maxSize}' is not a size of at least 64K (like 50M)");
            }
        }

        foreach (var index in v.Indexes("tls:certificates"))
        {
            var prefix = $"tls:certificates:{index}";
            var cert = v.String(prefix + ":cert");
            var key = v.String(prefix + ":key");
            if (string.IsNullOrWhiteSpace(cert) || string.IsNullOrWhiteSpace(key))
            {
                problems.Add($"{YamlConfigurationReader.DisplayKey(prefix)}: each certificate needs both cert (the fullchain.pem file) and key (the privkey.pem file)");
                continue;
            }

            s.Certificates.Add((cert, key));
        }

        s.CertificateReloadInterval = v.Duration("tls:reload_interval", TimeSpan.FromSeconds(1), problems) ?? s.CertificateReloadInterval;

        if (v.String("accounts:subaddress_delimiters") is { } delimiters)
        {
            if (delimiters.Any(c => char.IsAsciiLetterOrDigit(c) || c == '@' || c == '.' || char.IsWhiteSpace(c)))
            {
                problems.Add($"{v.Describe("accounts:subaddress_delimiters")}: delimiters must be punctuation other than @ and . (like + or -)");
            }
            else
            {
                s.SubaddressDelimiters = delimiters;
            }
        }

        if (v.String("accounts:default_quota") is { } quota)
        {
            if (ConfigurationValues.TryParseSize(quota, out var bytes))
            {
                s.DefaultQuotaBytes = bytes is 0 ? null : bytes;
            }
            else
            {
                problems.Add($"{v.Describe("accounts:default_quota")}: '{quota}' is not a size (like 2G, 500M or unlimited)");
            }
        }

        if (v.String("accounts:password_scheme") is { } scheme)
        {
            var upper = scheme.Trim().ToUpperInvariant();
            if (upper is "BLF-CRYPT" or "SHA512-CRYPT")
            {
                s.PasswordScheme = upper;
            }
            else
            {
                problems.Add($"{v.Describe("accounts:password_scheme")}: new passwords are hashed with BLF-CRYPT or SHA512-CRYPT, not '{scheme}'");
            }
        }

        s.MinPasswordLength = v.Int("accounts:min_password_length", 1, 1024, problems) ?? s.MinPasswordLength;

        if (v.String("delivery:lmtp") is { } lmtp)
        {
            if (Posta.Smtp.Outbound.Queue.LmtpTarget.TryParse(lmtp, out _))
            {
                s.DeliveryLmtp = lmtp.Trim();
            }
            else
            {
                problems.Add($"{v.Describe("delivery:lmtp")}: '{lmtp}' is not an LMTP address (like 10.0.0.5:24, store.internal:24 or unix:/run/posta/lmtp.sock)");
            }
        }

        foreach (var resolver in v.List("dns:resolvers") ?? [])
        {
            if (IPEndPoint.TryParse(resolver, out var endpoint) && (endpoint.Port != 0 || !resolver.Contains("]:", StringComparison.Ordinal)))
            {
                s.Resolvers.Add(resolver);
            }
            else
            {
                problems.Add($"{v.Describe("dns:resolvers")}: '{resolver}' is not an IP address with an optional port (like 127.0.0.1:53 or [::1]:53)");
            }
        }

        if (v.String("log:level") is { } level)
        {
            if (KnownLogLevels.Contains(level.ToLowerInvariant()))
            {
                s.LogLevel = level.ToLowerInvariant();
            }
            else
            {
                problems.Add($"{v.Describe("log:level")}: '{level}' is not one of {string.Join(", ", KnownLogLevels)}");
            }
        }

        if (v.String("log:format") is { } format)
        {
            if (format.ToLowerInvariant() is "simple" or "json")
            {
                s.LogFormat = format.ToLowerInvariant();
            }
            else
            {
                problems.Add($"{v.Describe("log:format")}: '{format}' is not simple or json");
            }
        }
    }

    /// <summary>
    /// Every address on the standard port, except LMTP: it has no authentication (an internal hop
    /// from an MX, like Dovecot's LMTP socket), so by default only this machine may reach it.
    /// </summary>
    private static string DefaultAddress(string listener)
    {
        var port = ListenerNames.DefaultPort(listener).ToString(CultureInfo.InvariantCulture);
        return listener == ListenerNames.Lmtp ? $"127.0.0.1:{port}" : $"*:{port}";
    }

    private static void ApplyListeners(SettingValues v, PostaSettings s, List<string> problems)
    {
        foreach (var name in ListenerNames.All)
        {
            var listener = new ListenerSettings();
            var prefix = "listeners:" + name;
            var addresses = v.List(prefix + ":addresses") ?? v.List(prefix);
            foreach (var address in addresses ?? [DefaultAddress(name)])
            {
                if (ListenAddresses.TryValidate(address, name, out var error))
                {
                    listener.Addresses.Add(address);
                }
                else
                {
                    problems.Add($"{v.Describe(addresses is null ? prefix : prefix + ":addresses")}: {error}");
                }
            }

            listener.ProxyProtocol = v.Bool(prefix + ":proxy_protocol", problems) ?? false;
            listener.IdleTimeout = v.Duration(prefix + ":idle_timeout", TimeSpan.FromSeconds(1), problems);
            s.Listeners[name] = listener;
        }

        foreach (var name in v.Children("listeners"))
        {
            if (!ListenerNames.All.Contains(name))
            {
                problems.Add($"listeners.{name}: unknown listener; the listeners are {string.Join(", ", ListenerNames.All)}");
                v.MarkUsed("listeners:" + name);
            }
        }
    }
}
