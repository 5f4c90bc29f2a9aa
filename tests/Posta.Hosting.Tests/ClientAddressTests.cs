using System.Net;
using Posta.Hosting.Connections;
using Posta.Hosting.Proxy;

namespace Posta.Hosting.Tests;

public class ClientAddressTests
{
    [Fact]
    public void IPv4_clients_of_a_dual_stack_socket_are_IPv4_clients()
    {
        var mapped = new IPEndPoint(IPAddress.Parse("::ffff:192.0.2.1"), 2525);

        Assert.Equal("192.0.2.1:2525", ClientAddress.Normalize(mapped)!.ToString());
    }

    [Fact]
    public void IPv6_clients_are_limited_by_their_64_prefix()
    {
        var a = ClientAddress.LimitKey(IPAddress.Parse("2001:db8:1:2:aaaa::1"));
        var b = ClientAddress.LimitKey(IPAddress.Parse("2001:db8:1:2:bbbb::2"));
        var other = ClientAddress.LimitKey(IPAddress.Parse("2001:db8:1:3::1"));

        Assert.Equal(a, b);
        Assert.NotEqual(a, other);
        Assert.Equal(IPAddress.Parse("192.0.2.1"), ClientAddress.LimitKey(IPAddress.Parse("::ffff:192.0.2.1")));
    }

    [Fact]
    public void Trusted_networks_match_CIDRs_single_hosts_and_mapped_addresses()
    {
        var trusted = new TrustedNetworks(["10.0.0.0/8", "::1/128", "192.0.2.7"]);

        Assert.True(trusted.Contains(IPAddress.Parse("10.20.30.40")));
        Assert.True(trusted.Contains(IPAddress.Parse("::ffff:10.1.1.1")));
        Assert.True(trusted.Contains(IPAddress.IPv6Loopback));
        Assert.True(trusted.Contains(IPAddress.Parse("192.0.2.7")));
        Assert.False(trusted.Contains(IPAddress.Parse("192.0.2.8")));
        Assert.False(trusted.Contains(IPAddress.Parse("11.0.0.1")));
    }
}
