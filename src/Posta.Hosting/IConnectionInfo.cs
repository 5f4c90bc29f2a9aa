using System.Net;

namespace Posta.Hosting;

/// <summary>
/// What a protocol handler knows about its connection. Get it with
/// <see cref="ConnectionContextExtensions.GetConnectionInfo"/> (or the feature collection).
/// </summary>
public interface IConnectionInfo
{
    /// <summary>Kestrel's connection id, shared by every log line about this connection.</summary>
    string ConnectionId { get; }

    /// <summary>The listener that accepted the connection (a <see cref="ListenerNames"/> value).</summary>
    string ListenerName { get; }

    /// <summary>The client: the address a trusted PROXY header announced, else the peer.</summary>
    EndPoint? RemoteEndPoint { get; }

    /// <summary>The address the client connected to (behind a proxy: the proxy's destination).</summary>
    EndPoint? LocalEndPoint { get; }

    /// <summary>The proxy that relayed the connection, or null for a direct connection.</summary>
    EndPoint? ProxyEndPoint { get; }

    /// <summary>Whether the connection is encrypted (implicit TLS, STARTTLS or HTTPS).</summary>
    bool IsTlsActive { get; }

    /// <summary>The negotiated TLS parameters, once TLS is active on a protocol listener.</summary>
    IPostaTlsFeature? Tls { get; }

    /// <summary>
    /// Cancelled when the server begins to stop: finish the current transaction, answer with the
    /// protocol's "shutting down" reply, and end the connection. Connections still open after
    /// <see cref="HostingOptions.ShutdownTimeout"/> are aborted.
    /// </summary>
    CancellationToken ShutdownRequested { get; }

    /// <summary>
    /// The idle timeout now in force; a handler may change it per state (RFC 5321 §4.5.3.2 gives
    /// each SMTP stage its own). <see cref="Timeout.InfiniteTimeSpan"/> disables it. Setting it
    /// counts as activity.
    /// </summary>
    TimeSpan IdleTimeout { get; set; }

    /// <summary>
    /// Set once the idle timeout expired. The pending read on the transport then returns with
    /// <c>IsCanceled</c>, so the handler can send its timeout reply and return; a connection that
    /// is still open a few seconds later is aborted.
    /// </summary>
    bool IsIdleTimedOut { get; }

    /// <summary>
    /// Records activity the transport cannot see, such as a long server-side step; reads and
    /// flushes count by themselves.
    /// </summary>
    void MarkActive();
}
