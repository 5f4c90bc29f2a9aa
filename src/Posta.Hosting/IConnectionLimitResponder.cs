using Microsoft.AspNetCore.Connections;

namespace Posta.Hosting;

/// <summary>
/// Implemented by a protocol's <see cref="ConnectionHandler"/> that wants to answer a connection
/// refused by the per-IP limit (SMTP: "421 4.7.0 Too many connections") before it is closed.
/// Not called on implicit-TLS listeners, where a plaintext reply would be garbage to the client.
/// </summary>
public interface IConnectionLimitResponder
{
    /// <summary>
    /// Write the refusal to <paramref name="connection"/>'s transport and return; the connection is
    /// closed afterwards. Bounded by <see cref="HostingOptions.HandshakeTimeout"/>.
    /// </summary>
    ValueTask OnConnectionLimitAsync(ConnectionContext connection, CancellationToken cancellationToken);
}
