using Posta.Hosting.Listening;

namespace Posta.Hosting;

/// <summary>Listener address syntax, for configuration checks made before anything binds.</summary>
public static class ListenAddresses
{
    /// <summary>
    /// Accepts <c>IPv4:PORT</c>, <c>[IPv6]:PORT</c>, <c>*:PORT</c> (every address), an address
    /// without a port (the listener's standard one), and <c>unix:/absolute/path</c>.
    /// </summary>
    public static bool TryValidate(string text, string listenerName, out string? error) =>
        ListenAddress.TryParse(text, ListenerNames.DefaultPort(listenerName), out _, out error);
}
