using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Posta.Hosting.Listening;

/// <summary>A parsed listener address: "127.0.0.1:25", "[::1]:143", "*:25", "unix:/run/posta/lmtp.sock".</summary>
internal sealed record ListenAddress(ListenAddressKind Kind, IPAddress? Address, int Port, string? Path)
{
    private const string UnixPrefix = "unix:";

    // sockaddr_un.sun_path is 108 bytes on Linux, including the terminating NUL.
    private const int MaxUnixPathBytes = 107;

    /// <summary>The canonical text, also used to spot two listeners claiming one address.</summary>
    public string Key => Kind switch
    {
        ListenAddressKind.Unix => UnixPrefix + Path,
        ListenAddressKind.AnyIp => "*:" + Port.ToString(CultureInfo.InvariantCulture),
        _ => new IPEndPoint(Address!, Port).ToString(),
    };

    public override string ToString() => Key;

    public static bool TryParse(
        string? text,
        int defaultPort,
        [NotNullWhen(true)] out ListenAddress? address,
        [NotNullWhen(false)] out string? error)
    {
        address = null;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            error = "empty address";
            return false;
        }

        if (text.StartsWith(UnixPrefix, StringComparison.Ordinal))
        {
            var path = text[UnixPrefix.Length..];
            if (!System.IO.Path.IsPathFullyQualified(path))
            {
                error = $"invalid address '{text}': a unix socket path must be absolute (unix:/run/posta/lmtp.sock)";
                return false;
            }

            if (Encoding.UTF8.GetByteCount(path) > MaxUnixPathBytes)
            {
                error = $"invalid address '{text}': a unix socket path is limited to {MaxUnixPathBytes} bytes";
                return false;
            }

            address = new ListenAddress(ListenAddressKind.Unix, null, 0, path);
            error = null;
            return true;
        }

        string host;
        string? portText = null;
        if (text[0] == '[')
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                error = $"invalid address '{text}': missing ']'";
                return false;
            }

            host = text[1..close];
            var rest = text[(close + 1)..];
            if (rest.Length > 0)
            {
                if (rest[0] != ':')
                {
                    error = $"invalid address '{text}': expected ':port' after ']'";
                    return false;
                }

                portText = rest[1..];
            }

            if (!IPAddress.TryParse(host, out var v6) || v6.AddressFamily != AddressFamily.InterNetworkV6)
            {
                error = $"invalid address '{text}': '{host}' is not an IPv6 address";
                return false;
            }

            return TryFinish(text, ListenAddressKind.Ip, v6, portText, defaultPort, out address, out error);
        }

        var colons = text.Count(c => c == ':');
        if (colons > 1)
        {
            error = $"invalid address '{text}': write IPv6 addresses in brackets, as in [::1]:143";
            return false;
        }

        if (colons == 1)
        {
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            host = text[..colon];
            portText = text[(colon + 1)..];
        }
        else
        {
            host = text;
        }

        if (host == "*")
        {
            return TryFinish(text, ListenAddressKind.AnyIp, null, portText, defaultPort, out address, out error);
        }

        // IPAddress.TryParse also takes "1" or "0x7f.1"; only the dotted quad is unambiguous.
        if (host.Count(c => c == '.') != 3 || !IPAddress.TryParse(host, out var v4) || v4.AddressFamily != AddressFamily.InterNetwork)
        {
            error = $"invalid address '{text}': '{host}' is not an IP address (host names are not resolved: use 127.0.0.1, [::1], 0.0.0.0, * or unix:/path)";
            return false;
        }

        return TryFinish(text, ListenAddressKind.Ip, v4, portText, defaultPort, out address, out error);
    }

    private static bool TryFinish(
        string text,
        ListenAddressKind kind,
        IPAddress? ip,
        string? portText,
        int defaultPort,
        [NotNullWhen(true)] out ListenAddress? address,
        [NotNullWhen(false)] out string? error)
    {
        var port = defaultPort;
        if (portText is not null
            && (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port > IPEndPoint.MaxPort))
        {
            address = null;
            error = $"invalid address '{text}': '{portText}' is not a port number (0-65535)";
            return false;
        }

        address = new ListenAddress(kind, ip, port, null);
        error = null;
        return true;
    }
}
