using Microsoft.Extensions.Logging;
using Posta.Hosting.Tls;

namespace Posta.Hosting.Connections;

/// <summary>What every connection of one listener shares.</summary>
internal sealed class ListenerContext
{
    public required string Name { get; init; }

    public required HostingOptions Options { get; init; }

    /// <summary>The idle timeout connections start with.</summary>
    public required TimeSpan IdleTimeout { get; init; }

    /// <summary>
    /// Whether reads and flushes are watched for the idle timeout; HTTP listeners leave that to
    /// Kestrel and skip the wrapping.
    /// </summary>
    public required bool TrackActivity { get; init; }

    public required ConnectionTracker Tracker { get; init; }

    public required TlsHandshaker Tls { get; init; }

    public required TimeProvider Time { get; init; }

    public required CancellationToken ShutdownRequested { get; init; }

    public required ILogger Logger { get; init; }

    public IConnectionLimitResponder? LimitResponder { get; init; }
}
