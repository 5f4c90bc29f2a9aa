using System.Net;
using Microsoft.Extensions.Logging;

namespace Posta.Hosting.Listening;

/// <summary>Listener events, ids 300-399.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 300, EventName = "ListenerBound", Level = LogLevel.Information,
        Message = "listener {Listener} on {EndPoint}")]
    public static partial void ListenerBound(ILogger logger, string listener, EndPoint endPoint);

    [LoggerMessage(EventId = 301, EventName = "ListenerWithoutProtocol", Level = LogLevel.Information,
        Message = "listener {Listener} is configured but no protocol serves it in this process (role not enabled?); not listening")]
    public static partial void ListenerWithoutProtocol(ILogger logger, string listener);

    [LoggerMessage(EventId = 302, EventName = "StaleSocketRemoved", Level = LogLevel.Information,
        Message = "listener {Listener}: removed stale unix socket {Path} left by an earlier run")]
    public static partial void StaleSocketRemoved(ILogger logger, string listener, string path);

    [LoggerMessage(EventId = 303, EventName = "NoListeners", Level = LogLevel.Information,
        Message = "this process serves no listener; no socket is bound")]
    public static partial void NoListeners(ILogger logger);
}
