using System.Collections.Concurrent;
using System.Net;

namespace Posta.Hosting.Connections;

/// <summary>
/// Open connections and per-client counts, plus the single heartbeat that enforces every idle and
/// handshake timeout (one timer per server rather than one per read, as Kestrel does).
/// </summary>
internal sealed class ConnectionTracker : IDisposable
{
    private readonly ConcurrentDictionary<ConnectionInfo, byte> _connections = new();
    private readonly Dictionary<IPAddress, int> _perClient = [];
    private readonly Lock _perClientLock = new();
    private readonly TimeProvider _time;
    private readonly ITimer _heartbeat;
    private int _beating;

    public ConnectionTracker(HostingOptions options, TimeProvider time)
    {
        _time = time;
        _heartbeat = time.CreateTimer(OnHeartbeat, null, options.HeartbeatInterval, options.HeartbeatInterval);
    }

    public int Count => _connections.Count;

    public void Register(ConnectionInfo connection) => _connections.TryAdd(connection, 0);

    public void Unregister(ConnectionInfo connection) => _connections.TryRemove(connection, out _);

    /// <summary>Counts one more connection for <paramref name="key"/> unless it already holds <paramref name="limit"/>.</summary>
    public bool TryAcquire(IPAddress key, int limit)
    {
        lock (_perClientLock)
        {
            _perClient.TryGetValue(key, out var count);
            if (count >= limit)
            {
                return false;
            }

            _perClient[key] = count + 1;
            return true;
        }
    }

    public void Release(IPAddress key)
    {
        lock (_perClientLock)
        {
            if (_perClient.TryGetValue(key, out var count))
            {
                if (count <= 1)
                {
                    _perClient.Remove(key);
                }
                else
                {
                    _perClient[key] = count - 1;
                }
            }
        }
    }

    public int CountFor(IPAddress key)
    {
        lock (_perClientLock)
        {
            return _perClient.GetValueOrDefault(key);
        }
    }

    public void Dispose() => _heartbeat.Dispose();

    private void OnHeartbeat(object? state)
    {
        // A slow tick must not overlap the next one.
        if (Interlocked.Exchange(ref _beating, 1) == 1)
        {
            return;
        }

        try
        {
            var now = _time.GetTimestamp();
            foreach (var connection in _connections.Keys)
            {
                connection.OnHeartbeat(now);
            }
        }
        finally
        {
            Volatile.Write(ref _beating, 0);
        }
    }
}
