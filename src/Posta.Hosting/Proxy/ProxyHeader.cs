using System.Net;

namespace Posta.Hosting.Proxy;

/// <summary>
/// A parsed PROXY protocol header. When parsing fails, <see cref="Error"/> says why and the other
/// members are unset.
/// </summary>
/// <param name="Version">1 (text) or 2 (binary).</param>
/// <param name="Command">Whether the connection was relayed for a client.</param>
/// <param name="Source">The client's address; null when the real endpoints stay.</param>
/// <param name="Destination">The address the client connected to; null when the real endpoints stay.</param>
/// <param name="Error">Why the header was refused.</param>
internal readonly record struct ProxyHeader(
    int Version,
    ProxyCommand Command,
    IPEndPoint? Source,
    IPEndPoint? Destination,
    ProxyProtocolError Error = ProxyProtocolError.None)
{
    public static ProxyHeader Invalid(ProxyProtocolError error) => new(0, ProxyCommand.Local, null, null, error);
}
