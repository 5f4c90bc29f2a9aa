using System.Net;
using Microsoft.Extensions.Logging;

namespace Posta.Hosting.Connections;

/// <summary>Connection lifecycle events, ids 1-99.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, EventName = "ConnectionAccepted", Level = LogLevel.Debug,
        Message = "{Listener}: connection from {RemoteEndPoint} to {LocalEndPoint}")]
    public static partial void ConnectionAccepted(ILogger logger, string listener, EndPoint? remoteEndPoint, EndPoint? localEndPoint);

    [LoggerMessage(EventId = 2, EventName = "ConnectionClosed", Level = LogLevel.Debug,
        Message = "{Listener}: connection from {RemoteEndPoint} closed")]
    public static partial void ConnectionClosed(ILogger logger, string listener, EndPoint? remoteEndPoint);

    [LoggerMessage(EventId = 3, EventName = "ConnectionLimitExceeded", Level = LogLevel.Warning,
        Message = "{Listener}: refused connection from {RemoteAddress}: it already holds {Limit} connections")]
    public static partial void ConnectionLimitExceeded(ILogger logger, string listener, IPAddress remoteAddress, int limit);

    [LoggerMessage(EventId = 4, EventName = "IdleTimeout", Level = LogLevel.Information,
        Message = "{Listener}: idle for more than {Timeout}, closing")]
    public static partial void IdleTimeout(ILogger logger, string listener, TimeSpan timeout);

    [LoggerMessage(EventId = 5, EventName = "HandshakeTimedOut", Level = LogLevel.Debug,
        Message = "{Listener}: handshake not completed within {Timeout}, aborting")]
    public static partial void HandshakeTimedOut(ILogger logger, string listener, TimeSpan timeout);

    [LoggerMessage(EventId = 6, EventName = "ConnectionFailed", Level = LogLevel.Debug,
        Message = "{Listener}: connection from {RemoteEndPoint} ended: {Reason}")]
    public static partial void ConnectionFailed(ILogger logger, string listener, EndPoint? remoteEndPoint, string reason);

    [LoggerMessage(EventId = 7, EventName = "HandlerFailed", Level = LogLevel.Error,
        Message = "{Listener}: unhandled exception on the connection from {RemoteEndPoint}")]
    public static partial void HandlerFailed(ILogger logger, string listener, EndPoint? remoteEndPoint, Exception exception);
}
