namespace Posta.Hosting.Connections;

/// <summary>Ends the handshake deadline started by <see cref="ConnectionInfo.BeginHandshake"/>.</summary>
internal readonly struct HandshakeScope(ConnectionInfo connection) : IDisposable
{
    public void Dispose() => connection.EndHandshake();
}
