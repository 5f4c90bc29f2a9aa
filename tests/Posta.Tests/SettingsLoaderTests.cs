using System.Collections;
using Posta.Configuration;
using Posta.Testing;

namespace Posta.Tests;

public sealed class SettingsLoaderTests
{
    private static PostaSettings Load(string? yaml, IDictionary? environment, out IReadOnlyList<string> errors, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        using var dir = new TempDirectory("posta-config");
        string? file = null;
        if (yaml is not null)
        {
            file = dir.Combine("posta.yml");
            File.WriteAllText(file, yaml);
        }

        return SettingsLoader.Load(file, overrides ?? new Dictionary<string, string?>(), environment ?? new Hashtable(), out errors);
    }

    [Fact]
    public void With_nothing_configured_the_defaults_serve_every_role_from_data()
    {
        var s = Load(null, null, out var errors);
        Assert.Empty(errors);
        Assert.Equal("data", s.DataDirectory);
        Assert.Equal(Roles.All.Order(StringComparer.Ordinal), s.Roles.Order(StringComparer.Ordinal));
        Assert.Equal(["*:25"], s.Listeners["smtp"].Addresses);
        Assert.Equal(["*:993"], s.Listeners["imaps"].Addresses);
        Assert.Equal(["127.0.0.1:24"], s.Listeners["lmtp"].Addresses);
        Assert.Equal(50L << 20, s.MaxMessageSize);
        Assert.Equal(1000, s.MaxRecipients);
        Assert.Equal(TimeSpan.FromMinutes(5), s.IdleTimeout);
        Assert.Empty(s.Certificates);
    }

    [Fact]
    public void The_file_sets_values_and_environment_variables_override_them()
    {
        const string yaml = """
            hostname: mail.example.org
            data: /var/lib/posta
            roles: [mx, lmtp]
            listeners:
              smtp:
                addresses: ["192.0.2.1:25", "[2001:db8::1]:25"]
                proxy_protocol: true
              lmtp: ["unix:/run/posta/lmtp.sock"]
            network:
              trusted_proxies: [10.0.0.0/8]
            limits:
              idle_timeout: 10m
            tls:
              certificates:
                - cert: /etc/letsencrypt/live/mail.example.org/fullchain.pem
                  key: /etc/letsencrypt/live/mail.example.org/privkey.pem
            accounts:
              subaddress_delimiters: "+-"
              default_quota: 2G
            """;
        var env = new Hashtable
        {
            ["POSTA_LIMITS__IDLE_TIMEOUT"] = "90s",
            ["POSTA_LISTENERS__SMTP__ADDRESSES"] = "127.0.0.1:2525, [::1]:2525",
            ["PATH"] = "/usr/bin",
        };
        var s = Load(yaml, env, out var errors);

        Assert.Empty(errors);
        Assert.Equal("mail.example.org", s.Hostname);
        Assert.Equal("/var/lib/posta", s.DataDirectory);
        Assert.Equal(["lmtp", "mx"], s.Roles.Order(StringComparer.Ordinal));
        Assert.Equal(["127.0.0.1:2525", "[::1]:2525"], s.Listeners["smtp"].Addresses);
        Assert.True(s.Listeners["smtp"].ProxyProtocol);
        Assert.Equal(["unix:/run/posta/lmtp.sock"], s.Listeners["lmtp"].Addresses);
        Assert.Equal(["10.0.0.0/8"], s.TrustedProxies);
        Assert.Equal(TimeSpan.FromSeconds(90), s.IdleTimeout);
        Assert.Equal(("/etc/letsencrypt/live/mail.example.org/fullchain.pem", "/etc/letsencrypt/live/mail.example.org/privkey.pem"), s.Certificates.Single());
        Assert.Equal("+-", s.SubaddressDelimiters);
        Assert.Equal(2L << 30, s.DefaultQuotaBytes);
    }

    [Fact]
    public void Command_line_overrides_win_over_the_environment()
    {
        var env = new Hashtable { ["POSTA_DATA"] = "/from/env" };
        var s = Load(null, env, out var errors, new Dictionary<string, string?> { ["data"] = "/from/flag" });
        Assert.Empty(errors);
        Assert.Equal("/from/flag", s.DataDirectory);
    }

    [Fact]
    public void Every_invalid_setting_is_reported_at_once_with_its_name_and_origin()
    {
        const string yaml = """
            hostname: "not a host"
            roles: [mx, teleport]
            listeners:
              smtp: ["127.0.0.1:99999"]
              gopher: ["127.0.0.1:70"]
            limits:
              idle_timeout: soon
              connections_per_ip: -3
              max_message_size: 1K
              max_recipients: 5
            accounts:
              default_quota: lots
              password_scheme: MD5
            log:
              level: chatty
            tls:
              certificates:
                - cert: /only/cert.pem
            colour: blue
            """;
        var env = new Hashtable { ["POSTA_NETWORK__TRUSTED_PROXIES"] = "10.0.0.0/33" };
        Load(yaml, env, out var errors);

        var text = string.Join('\n', errors);
        Assert.Contains(errors, e => e.StartsWith("hostname", StringComparison.Ordinal));
        Assert.Contains("unknown role 'teleport'", text, StringComparison.Ordinal);
        Assert.Contains("listeners.smtp", text, StringComparison.Ordinal);
        Assert.Contains("listeners.gopher: unknown listener", text, StringComparison.Ordinal);
        Assert.Contains("limits.idle_timeout", text, StringComparison.Ordinal);
        Assert.Contains("limits.connections_per_ip", text, StringComparison.Ordinal);
        Assert.Contains("limits.max_message_size", text, StringComparison.Ordinal);
        Assert.Contains("limits.max_recipients", text, StringComparison.Ordinal);
        Assert.Contains("accounts.default_quota", text, StringComparison.Ordinal);
        Assert.Contains("accounts.password_scheme", text, StringComparison.Ordinal);
        Assert.Contains("log.level", text, StringComparison.Ordinal);
        Assert.Contains("tls.certificates.0", text, StringComparison.Ordinal);
        Assert.Contains("colour", text, StringComparison.Ordinal);
        Assert.Contains("network.trusted_proxies (from POSTA_NETWORK__TRUSTED_PROXIES)", text, StringComparison.Ordinal);
        Assert.Equal(14, errors.Count);
    }

    [Theory]
    [InlineData("10.0.0.5:24", true)]
    [InlineData("[::1]:24", true)]
    [InlineData("store.internal:24", true)]
    [InlineData("unix:/run/posta/lmtp.sock", true)]
    [InlineData("store.internal", false)]
    [InlineData("10.0.0.5:0", false)]
    [InlineData("unix:relative.sock", false)]
    [InlineData("bad host:24", false)]
    public void The_LMTP_store_node_is_an_address_with_a_port_or_a_unix_socket(string value, bool valid)
    {
        var env = new Hashtable { ["POSTA_DELIVERY__LMTP"] = value };
        var s = Load(null, env, out var errors);
        if (valid)
        {
            Assert.Empty(errors);
            Assert.Equal(value, s.DeliveryLmtp);
        }
        else
        {
            Assert.Contains("delivery.lmtp (from POSTA_DELIVERY__LMTP)", Assert.Single(errors), StringComparison.Ordinal);
            Assert.Null(s.DeliveryLmtp);
        }
    }

    [Fact]
    public void An_unknown_environment_setting_is_reported_by_its_variable_name()
    {
        Load(null, new Hashtable { ["POSTA_LIMITS__IDLE_TIMEUOT"] = "5m" }, out var errors);
        Assert.Equal("limits.idle_timeuot (from POSTA_LIMITS__IDLE_TIMEUOT): unknown setting", Assert.Single(errors));
    }

    [Theory]
    [InlineData("hostname: [unclosed", "not valid YAML")]
    [InlineData("- a\n- b\n", "top level must be a mapping")]
    [InlineData("a: 1\na: 2\n", "Duplicate key")]
    public void Malformed_files_are_refused_with_file_and_line(string yaml, string reason)
    {
        var e = Assert.Throws<ConfigurationException>(() => Load(yaml, null, out _));
        Assert.Contains("posta.yml", e.Message, StringComparison.Ordinal);
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_configuration_file_is_an_error()
    {
        var e = Assert.Throws<ConfigurationException>(() => SettingsLoader.Load("/nonexistent/posta.yml", new Dictionary<string, string?>(), new Hashtable(), out _));
        Assert.Contains("/nonexistent/posta.yml does not exist", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("30s", 30)]
    [InlineData("5m", 300)]
    [InlineData("2h", 7200)]
    [InlineData("1d", 86400)]
    [InlineData("250ms", 0.25)]
    [InlineData("45", 45)]
    public void Durations_parse(string text, double seconds)
    {
        Assert.True(ConfigurationValues.TryParseDuration(text, out var value));
        Assert.Equal(seconds, value.TotalSeconds, 3);
    }

    [Theory]
    [InlineData("512K", 512L * 1024)]
    [InlineData("50M", 50L << 20)]
    [InlineData("2G", 2L << 30)]
    [InlineData("2GB", 2L << 30)]
    [InlineData("1000", 1000L)]
    public void Sizes_parse(string text, long bytes)
    {
        Assert.True(ConfigurationValues.TryParseSize(text, out var value));
        Assert.Equal(bytes, value);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("2X")]
    [InlineData("99999999999T")]
    public void Bad_sizes_do_not_parse(string text) => Assert.False(ConfigurationValues.TryParseSize(text, out _));
}
