namespace Posta.Configuration;

/// <summary>One listener's configuration.</summary>
internal sealed class ListenerSettings
{
    /// <summary>Addresses to bind: <c>ADDR:PORT</c>, <c>[V6]:PORT</c>, <c>*:PORT</c> or <c>unix:/path</c>.</summary>
    public IList<string> Addresses { get; } = [];

    /// <summary>Whether connections must start with a PROXY protocol header from a trusted proxy.</summary>
    public bool ProxyProtocol { get; set; }

    /// <summary>An idle timeout for this listener only.</summary>
    public TimeSpan? IdleTimeout { get; set; }
}
