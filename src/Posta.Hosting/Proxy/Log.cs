using System.Net;
using Microsoft.Extensions.Logging;

namespace Posta.Hosting.Proxy;

/// <summary>PROXY protocol events, ids 100-199.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 100, EventName = "UntrustedProxySource", Level = LogLevel.Warning,
        Message = "{Listener}: closed connection from {RemoteEndPoint}: the listener expects a PROXY header and this address is not in trusted_proxies")]
    public static partial void UntrustedProxySource(ILogger logger, string listener, EndPoint? remoteEndPoint);

    [LoggerMessage(EventId = 101, EventName = "InvalidProxyHeader", Level = LogLevel.Warning,
        Message = "{Listener}: closed connection from proxy {RemoteEndPoint}: invalid PROXY header ({Error})")]
    public static partial void InvalidProxyHeader(ILogger logger, string listener, EndPoint? remoteEndPoint, ProxyProtocolError error);

    [LoggerMessage(EventId = 102, EventName = "ProxyHeaderTruncated", Level = LogLevel.Debug,
        Message = "{Listener}: proxy {RemoteEndPoint} closed the connection before a complete PROXY header")]
    public static partial void ProxyHeaderTruncated(ILogger logger, string listener, EndPoint? remoteEndPoint);

    [LoggerMessage(EventId = 103, EventName = "ProxiedConnection", Level = LogLevel.Debug,
        Message = "{Listener}: proxy {ProxyEndPoint} relays client {RemoteEndPoint} (PROXY v{Version} {Command})")]
    public static partial void ProxiedConnection(ILogger logger, string listener, EndPoint? proxyEndPoint, EndPoint? remoteEndPoint, int version, ProxyCommand command);
}
