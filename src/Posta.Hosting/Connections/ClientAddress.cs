using System.Net;
using System.Net.Sockets;

namespace Posta.Hosting.Connections;

/// <summary>How client addresses are compared: for trust, for limits, for logs.</summary>
internal static class ClientAddress
{
    // One IPv6 subscriber is given at least a /64 (RFC 6177), so counting per /128 would let a
    // single client open unlimited connections.
    private const int Ipv6LimitPrefixBytes = 8;

    /// <summary>
    /// IPv4 clients of a dual-stack ("*") socket arrive as ::ffff:a.b.c.d; they are IPv4 clients
    /// for every rule and every log line.
    /// </summary>
    public static IPAddress Normalize(IPAddress address) =>
        address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    public static EndPoint? Normalize(EndPoint? endPoint) =>
        endPoint is IPEndPoint { Address.IsIPv4MappedToIPv6: true } ip
            ? new IPEndPoint(ip.Address.MapToIPv4(), ip.Port)
            : endPoint;

    /// <summary>The key the per-IP limit counts under: the IPv4 address, or the IPv6 /64.</summary>
    public static IPAddress LimitKey(IPAddress address)
    {
        address = Normalize(address);
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address;
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[Ipv6LimitPrefixBytes..].Clear();
        return new IPAddress(bytes);
    }
}
