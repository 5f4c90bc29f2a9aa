using System.Collections;

namespace Posta.Hosting.Connections;

/// <summary>
/// Log scope for everything logged while a connection is served, handler code included. Reads the
/// connection live, so lines after a PROXY header show the real client.
/// </summary>
internal sealed class ConnectionLogScope(ConnectionInfo connection) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public int Count => 2;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new("Listener", connection.ListenerName),
        1 => new("RemoteEndPoint", connection.RemoteEndPoint?.ToString()),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"{connection.ListenerName} {connection.RemoteEndPoint}";
}
