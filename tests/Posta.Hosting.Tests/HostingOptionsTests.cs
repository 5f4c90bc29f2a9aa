namespace Posta.Hosting.Tests;

public class HostingOptionsTests
{
    [Fact]
    public void Defaults_are_valid_and_documented_values()
    {
        var options = new HostingOptions();

        Assert.Empty(options.Validate());
        Assert.False(string.IsNullOrWhiteSpace(options.Hostname));
        Assert.Equal(20, options.MaxConnectionsPerIp);
        Assert.Equal(TimeSpan.FromMinutes(5), options.IdleTimeout);
        Assert.Equal(TimeSpan.FromSeconds(30), options.ShutdownTimeout);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Tls.ReloadCheckInterval);
    }

    [Fact]
    public void Every_invalid_setting_is_reported_at_once()
    {
        var options = new HostingOptions { Hostname = " ", MaxConnectionsPerIp = -1, IdleTimeout = TimeSpan.Zero };
        options.TrustedProxies.Add("10.0.0.1/8");
        options.TrustedProxies.Add("not-a-network");
        options.Listeners["smtpx"] = new ListenerOptions();
        var smtp = new ListenerOptions { ProxyProtocol = true };
        smtp.Addresses.Add("127.0.0.1:25");
        smtp.Addresses.Add("localhost:25");
        options.Listeners["smtp"] = smtp;
        var submission = new ListenerOptions();
        submission.Addresses.Add("127.0.0.1:25");
        options.Listeners["submission"] = submission;
        options.Tls.Certificates.Add(new CertificateFiles("/etc/letsencrypt/live/x/fullchain.pem", ""));

        var errors = options.Validate();

        Assert.Contains(errors, e => e.StartsWith("hostname:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("max_connections_per_ip:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("idle_timeout:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("'10.0.0.1/8'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("'not-a-network'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("listeners.smtpx: unknown listener", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("'localhost:25'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("also used by listener smtp", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("tls.certificates[0]:", StringComparison.Ordinal));
        Assert.Equal(9, errors.Count);
    }

    [Fact]
    public void PROXY_protocol_on_TCP_without_trusted_proxies_would_refuse_everyone()
    {
        var options = new HostingOptions();
        var smtp = new ListenerOptions { ProxyProtocol = true };
        smtp.Addresses.Add("127.0.0.1:25");
        options.Listeners[ListenerNames.Smtp] = smtp;

        var error = Assert.Single(options.Validate());

        Assert.StartsWith("listeners.smtp.proxy_protocol:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void PROXY_protocol_on_a_unix_socket_needs_no_trusted_network()
    {
        var options = new HostingOptions();
        var lmtp = new ListenerOptions { ProxyProtocol = true };
        lmtp.Addresses.Add("unix:/run/posta/lmtp.sock");
        options.Listeners[ListenerNames.Lmtp] = lmtp;

        Assert.Empty(options.Validate());
    }

    [Fact]
    public void UsePostaHosting_refuses_invalid_options_listing_every_error()
    {
        var options = new HostingOptions { MaxConnectionsPerIp = -1, IdleTimeout = TimeSpan.Zero };
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder();

        var error = Assert.Throws<HostingConfigurationException>(() => builder.UsePostaHosting(options));

        Assert.Equal(2, error.Errors.Count);
        Assert.Contains("max_connections_per_ip", error.Message, StringComparison.Ordinal);
        Assert.Contains("idle_timeout", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("smtp", 5)]
    [InlineData("submission", 5)]
    [InlineData("lmtp", 5)]
    [InlineData("managesieve", 5)]
    [InlineData("imap", 30)]
    [InlineData("imaps", 30)]
    [InlineData("pop3", 10)]
    [InlineData("pop3s", 10)]
    public void Idle_timeouts_never_go_below_the_protocol_minimum(string listener, int minutes)
    {
        var options = new HostingOptions();

        Assert.Equal(TimeSpan.FromMinutes(minutes), options.EffectiveIdleTimeout(listener));
    }

    [Fact]
    public void A_listener_idle_timeout_overrides_the_global_one_and_HTTP_keeps_Kestrels()
    {
        var options = new HostingOptions { IdleTimeout = TimeSpan.FromMinutes(45) };
        options.Listeners["imap"] = new ListenerOptions { IdleTimeout = TimeSpan.FromMinutes(2) };

        Assert.Equal(TimeSpan.FromMinutes(2), options.EffectiveIdleTimeout("imap"));
        Assert.Equal(TimeSpan.FromMinutes(45), options.EffectiveIdleTimeout("pop3"));
        Assert.Equal(Timeout.InfiniteTimeSpan, options.EffectiveIdleTimeout("https"));
    }
}
