using System.Net;
using Posta.Hosting;

namespace Posta.Smtp.Tests;

/// <summary>What the hosting layer would tell a handler, under the test's control.</summary>
internal sealed class FakeConnectionInfo(CancellationToken shutdown) : IConnectionInfo
{
    public string ConnectionId { get; } = "test";

    public string ListenerName => ListenerNames.Lmtp;

    public EndPoint? RemoteEndPoint { get; init; } = new IPEndPoint(IPAddress.Parse("192.0.2.7"), 40000);

    public EndPoint? LocalEndPoint { get; } = new IPEndPoint(IPAddress.Loopback, 24);

    public EndPoint? ProxyEndPoint => null;

    public bool IsTlsActive => false;

    public IPostaTlsFeature? Tls => null;

    public CancellationToken ShutdownRequested { get; } = shutdown;

    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    public bool IsIdleTimedOut { get; set; }

    public void MarkActive()
    {
    }
}
