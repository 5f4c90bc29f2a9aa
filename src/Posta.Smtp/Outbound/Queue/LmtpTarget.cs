using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Posta.Smtp.Outbound.Queue;

/// <summary>
/// Where an MX-role node hands local mail to a store-role node over LMTP (setting
/// <c>delivery.lmtp</c>): <c>host:port</c>, <c>[v6]:port</c> or <c>unix:/path</c>.
/// </summary>
public static class LmtpTarget
{
    /// <summary>Parses a target; false with no endpoint when the text is not one of the forms.</summary>
    public static bool TryParse(string? text, out EndPoint? endPoint)
    {
        endPoint = null;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (text.StartsWith("unix:", StringComparison.Ordinal))
        {
            var path = text["unix:".Length..];
            if (path.Length == 0 || path[0] != '/')
            {
                return false;
            }

            endPoint = new UnixDomainSocketEndPoint(path);
            return true;
        }

        if (IPEndPoint.TryParse(text, out var ip) && ip.Port != 0)
        {
            endPoint = ip;
            return true;
        }

        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            return false;
        }

        var host = text[..colon];
        if (Uri.CheckHostName(host) != UriHostNameType.Dns)
        {
            return false;
        }

        endPoint = new DnsEndPoint(host, port);
        return true;
    }
}
