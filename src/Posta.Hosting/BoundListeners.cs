using System.Net;

namespace Posta.Hosting;

/// <summary>
/// The sockets the server bound, filled while it starts. Resolve it from the service provider,
/// for instance to learn the ports chosen for ":0" addresses.
/// </summary>
public sealed class BoundListeners
{
    private readonly Lock _gate = new();
    private readonly List<BoundListener> _bound = [];

    /// <summary>Every bound socket so far.</summary>
    public IReadOnlyList<BoundListener> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _bound];
            }
        }
    }

    /// <summary>The endpoint of the first socket bound for <paramref name="listenerName"/>.</summary>
    /// <exception cref="InvalidOperationException">Nothing is bound for that listener.</exception>
    public EndPoint GetEndPoint(string listenerName)
    {
        lock (_gate)
        {
            return _bound.FirstOrDefault(bound => string.Equals(bound.Name, listenerName, StringComparison.OrdinalIgnoreCase))?.EndPoint
                ?? throw new InvalidOperationException($"listener {listenerName} is not bound");
        }
    }

    internal void Add(BoundListener bound)
    {
        lock (_gate)
        {
            _bound.Add(bound);
        }
    }
}
