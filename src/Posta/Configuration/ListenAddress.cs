using System.Globalization;
using System.Net;

namespace Posta.Configuration;

/// <summary>Checks listener address syntax so <c>config check</c> can report it before anything binds.</summary>
internal static class ListenAddress
{
    /// <summary>
    /// Accepts <c>IPv4:PORT</c>, <c>[IPv6]:PORT</c>, <c>*:PORT</c> (every address) and
    /// <c>unix:/absolute/path</c>.
    /// </summary>
    public static bool TryValidate(string address, out string? error)
    {
        error = null;
        if (address.StartsWith("unix:", StringComparison.Ordinal))
        {
            var path = address["unix:".Length..];
            if (!Path.IsPathFullyQualified(path))
            {
                error = $"'{address}': a unix socket needs an absolute path, like unix:/run/posta/lmtp.sock";
                return false;
            }

            return true;
        }

        var colon = address.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(address.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            error = $"'{address}' is not ADDRESS:PORT with a port from 1 to 65535 (like 0.0.0.0:25, [::1]:143, *:993 or unix:/path)";
            return false;
        }

        var host = address[..colon];
        if (host == "*")
        {
            return true;
        }

        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
            if (IPAddress.TryParse(host, out var v6) && v6.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)
            {
                return true;
            }
        }
        else if (IPAddress.TryParse(host, out var v4) && v4.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
        {
            return true;
        }

        error = $"'{address}': '{host}' is not an IP address (IPv6 goes in brackets, like [::1]:143; * means every address)";
        return false;
    }
}
