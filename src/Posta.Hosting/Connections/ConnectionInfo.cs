using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Posta.Hosting.Tls;

namespace Posta.Hosting.Connections;

/// <summary>
/// Per-connection state shared by the middleware, the heartbeat and the handler. Time fields are
/// <see cref="TimeProvider"/> timestamps written by the connection and read by the heartbeat.
/// </summary>
internal sealed class ConnectionInfo : IConnectionInfo
{
    // After the idle timeout fired, how long the handler gets to send its reply and return.
    private static readonly TimeSpan MaxIdleGrace = TimeSpan.FromSeconds(5);

    private const int Open = 0;
    private const int IdleSignalled = 1;
    private const int Aborted = 2;

    private readonly ConnectionContext _context;
    private readonly TimeProvider _time;
    private long _lastActivity;
    private long _idleTimeoutTicks;
    private long _handshakeStarted;
    private long _handshakeTimeoutTicks;
    private long _idleSignalledAt;
    private int _state;

    public ConnectionInfo(ConnectionContext context, ListenerContext listener)
    {
        _context = context;
        Listener = listener;
        _time = listener.Time;
        _lastActivity = _time.GetTimestamp();
        _idleTimeoutTicks = listener.IdleTimeout.Ticks;
    }

    public ListenerContext Listener { get; }

    public string ConnectionId => _context.ConnectionId;

    public string ListenerName => Listener.Name;

    public EndPoint? RemoteEndPoint => _context.RemoteEndPoint;

    public EndPoint? LocalEndPoint => _context.LocalEndPoint;

    public EndPoint? ProxyEndPoint { get; set; }

    /// <summary>The TLS layer this code added (implicit TLS or STARTTLS), to be closed with the connection.</summary>
    public TlsSession? TlsSession { get; set; }

    public IPostaTlsFeature? Tls => TlsSession?.Feature;

    public bool IsTlsActive => TlsSession is not null || _context.Features.Get<ITlsHandshakeFeature>() is not null;

    public CancellationToken ShutdownRequested => Listener.ShutdownRequested;

    public TimeSpan IdleTimeout
    {
        get => TimeSpan.FromTicks(Volatile.Read(ref _idleTimeoutTicks));
        set
        {
            if (value <= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "the idle timeout must be positive or infinite");
            }

            MarkActive();
            Volatile.Write(ref _idleTimeoutTicks, value.Ticks);
        }
    }

    public bool IsIdleTimedOut => Volatile.Read(ref _state) != Open;

    public void MarkActive() => Volatile.Write(ref _lastActivity, _time.GetTimestamp());

    /// <summary>
    /// Starts a hard deadline for a PROXY header, a TLS handshake or a refusal reply: unlike the
    /// idle timeout it aborts at once, since no handler is there to answer.
    /// </summary>
    public HandshakeScope BeginHandshake(TimeSpan timeout)
    {
        Volatile.Write(ref _handshakeTimeoutTicks, timeout.Ticks);
        Volatile.Write(ref _handshakeStarted, _time.GetTimestamp());
        return new HandshakeScope(this);
    }

    public void EndHandshake()
    {
        Volatile.Write(ref _handshakeStarted, 0);
        MarkActive();
    }

    /// <summary>Called by the heartbeat for every open connection.</summary>
    public void OnHeartbeat(long now)
    {
        var state = Volatile.Read(ref _state);
        if (state == Aborted)
        {
            return;
        }

        var handshakeStarted = Volatile.Read(ref _handshakeStarted);
        if (handshakeStarted != 0)
        {
            var limit = TimeSpan.FromTicks(Volatile.Read(ref _handshakeTimeoutTicks));
            if (_time.GetElapsedTime(handshakeStarted, now) > limit)
            {
                Log.HandshakeTimedOut(Listener.Logger, Listener.Name, limit);
                Abort("The handshake did not complete in time.");
            }

            return;
        }

        var timeoutTicks = Volatile.Read(ref _idleTimeoutTicks);
        if (timeoutTicks == Timeout.InfiniteTimeSpan.Ticks)
        {
            return;
        }

        var timeout = TimeSpan.FromTicks(timeoutTicks);
        if (state == Open)
        {
            if (_time.GetElapsedTime(Volatile.Read(ref _lastActivity), now) > timeout
                && Interlocked.CompareExchange(ref _state, IdleSignalled, Open) == Open)
            {
                Volatile.Write(ref _idleSignalledAt, now);
                Log.IdleTimeout(Listener.Logger, Listener.Name, timeout);

                // Wakes the handler's pending read with IsCanceled so it can send its timeout reply.
                _context.Transport.Input.CancelPendingRead();
            }

            return;
        }

        var grace = timeout < MaxIdleGrace ? timeout : MaxIdleGrace;
        if (_time.GetElapsedTime(Volatile.Read(ref _idleSignalledAt), now) > grace)
        {
            Abort("The connection was idle for too long.");
        }
    }

    private void Abort(string reason)
    {
        Volatile.Write(ref _state, Aborted);
        _context.Abort(new ConnectionAbortedException(reason));
    }
}
