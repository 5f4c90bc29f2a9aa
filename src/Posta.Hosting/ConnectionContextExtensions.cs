using Microsoft.AspNetCore.Connections;
using Posta.Hosting.Connections;

namespace Posta.Hosting;

/// <summary>What protocol handlers call on their <see cref="ConnectionContext"/>.</summary>
public static class ConnectionContextExtensions
{
    /// <summary>
    /// Upgrades the connection to TLS (STARTTLS, STLS). Call it after writing and flushing the
    /// "ready to start TLS" reply. Input the client sent before the handshake and that is already
    /// buffered is discarded (RFC 3207 §4.2, CVE-2011-0411), unless it is the start of the TLS
    /// handshake: a client's ClientHello may already be buffered when the call begins. On return
    /// <see cref="ConnectionContext.Transport"/> is the decrypted pipe: read and write through the
    /// new <c>connection.Transport</c>, not pipes fetched before the call. On failure (the client
    /// sent no valid handshake, or timed out) an <see cref="System.Security.Authentication.AuthenticationException"/>
    /// or <see cref="IOException"/> is thrown and the connection should be ended.
    /// </summary>
    /// <exception cref="InvalidOperationException">The connection did not come through a Posta listener, or TLS is already active.</exception>
    public static ValueTask StartTlsAsync(this ConnectionContext connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var info = connection.Features.Get<ConnectionInfo>()
            ?? throw new InvalidOperationException("STARTTLS needs a connection accepted by a Posta listener.");
        return new ValueTask(info.Listener.Tls.AuthenticateAsync(connection, info, discardBufferedInput: true, cancellationToken));
    }

    /// <summary>The connection's <see cref="IConnectionInfo"/>.</summary>
    /// <exception cref="InvalidOperationException">The connection did not come through a Posta listener.</exception>
    public static IConnectionInfo GetConnectionInfo(this ConnectionContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.Features.Get<IConnectionInfo>()
            ?? throw new InvalidOperationException("The connection was not accepted by a Posta listener.");
    }
}
