namespace Posta.Hosting.Proxy;

internal enum ProxyCommand
{
    /// <summary>
    /// The proxy's own connection (health check, v2 LOCAL): the real endpoints stay.
    /// </summary>
    Local,

    /// <summary>
    /// Relayed for a client. The header's addresses replace the real endpoints when present; v1
    /// UNKNOWN and v2 families the receiver does not use carry none, and the real endpoints stay.
    /// </summary>
    Proxy,
}
