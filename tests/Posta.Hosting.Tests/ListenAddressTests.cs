using System.Net;
using Posta.Hosting.Listening;

namespace Posta.Hosting.Tests;

public class ListenAddressTests
{
    [Theory]
    [InlineData("127.0.0.1:2525", "127.0.0.1:2525")]
    [InlineData("0.0.0.0:25", "0.0.0.0:25")]
    [InlineData("[::1]:143", "[::1]:143")]
    [InlineData("[::]:143", "[::]:143")]
    [InlineData("*:25", "*:25")]
    [InlineData("127.0.0.1:0", "127.0.0.1:0")]
    [InlineData("  127.0.0.1:2525 ", "127.0.0.1:2525")]
    [InlineData("127.0.0.1", "127.0.0.1:587")]
    [InlineData("[::1]", "[::1]:587")]
    [InlineData("*", "*:587")]
    [InlineData("unix:/run/posta/lmtp.sock", "unix:/run/posta/lmtp.sock")]
    public void Valid_addresses_parse_to_their_canonical_form(string text, string expected)
    {
        Assert.True(ListenAddress.TryParse(text, 587, out var address, out var error), error);
        Assert.Equal(expected, address.ToString());
    }

    [Fact]
    public void A_star_means_every_address_of_both_families()
    {
        ListenAddress.TryParse("*:25", 25, out var address, out _);

        Assert.Equal(ListenAddressKind.AnyIp, address!.Kind);
        Assert.Null(address.Address);
    }

    [Fact]
    public void An_IPv6_address_keeps_its_family()
    {
        ListenAddress.TryParse("[2001:db8::1]:993", 993, out var address, out _);

        Assert.Equal(IPAddress.Parse("2001:db8::1"), address!.Address);
        Assert.Equal(993, address.Port);
    }

    [Theory]
    [InlineData("", "empty address")]
    [InlineData("localhost:25", "host names are not resolved")]
    [InlineData("mail.example.org:25", "host names are not resolved")]
    [InlineData("::1:143", "brackets")]
    [InlineData("[::1:143", "missing ']'")]
    [InlineData("[::1]143", "expected ':port'")]
    [InlineData("[127.0.0.1]:25", "not an IPv6 address")]
    [InlineData("127.0.0.1:65536", "not a port number")]
    [InlineData("127.0.0.1:-1", "not a port number")]
    [InlineData("127.0.0.1:smtp", "not a port number")]
    [InlineData("127.1:25", "not an IP address")]
    [InlineData("unix:run/lmtp.sock", "must be absolute")]
    public void Invalid_addresses_say_what_is_wrong(string text, string problem)
    {
        Assert.False(ListenAddress.TryParse(text, 25, out _, out var error));
        Assert.Contains(problem, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unix_socket_paths_longer_than_sun_path_are_refused()
    {
        Assert.False(ListenAddress.TryParse("unix:/" + new string('a', 120), 24, out _, out var error));
        Assert.Contains("107 bytes", error, StringComparison.Ordinal);
    }
}
