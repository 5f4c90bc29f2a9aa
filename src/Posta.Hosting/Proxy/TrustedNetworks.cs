using System.Globalization;
using System.Net;
using Posta.Hosting.Connections;

namespace Posta.Hosting.Proxy;

/// <summary>The networks allowed to announce another client's address with a PROXY header.</summary>
public sealed class TrustedNetworks
{
    private readonly IPNetwork[] _networks;

    public TrustedNetworks(IEnumerable<string> networks)
    {
        _networks = [.. networks.Select(text => TryParseNetwork(text, out var network)
            ? network
            : throw new FormatException($"trusted proxy '{text}' is not an address or CIDR network"))];
    }

    public bool Contains(IPAddress address)
    {
        address = ClientAddress.Normalize(address);
        foreach (var network in _networks)
        {
            if (network.Contains(address))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"10.0.0.0/8", "::1/128", or a bare address meaning just that host.</summary>
    public static bool TryParseNetwork(string? text, out IPNetwork network)
    {
        network = default;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (!IPAddress.TryParse(slash < 0 ? text : text[..slash], out var address))
        {
            return false;
        }

        address = ClientAddress.Normalize(address);
        var bits = address.GetAddressBytes().Length * 8;
        var prefix = bits;
        if (slash >= 0 && (!int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > bits))
        {
            return false;
        }

        // Host bits beyond the prefix ("10.0.0.1/8") are usually a typo for a narrower network.
        if (HasHostBits(address, prefix))
        {
            return false;
        }

        network = new IPNetwork(address, prefix);
        return true;
    }

    private static bool HasHostBits(IPAddress address, int prefix)
    {
        var bytes = address.GetAddressBytes();
        for (var bit = prefix; bit < bytes.Length * 8; bit++)
        {
            if ((bytes[bit / 8] & (0x80 >> (bit % 8))) != 0)
            {
                return true;
            }
        }

        return false;
    }
}
