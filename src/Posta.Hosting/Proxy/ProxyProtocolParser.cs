using System.Buffers;
using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Posta.Hosting.Proxy;

/// <summary>
/// Incremental parser for the PROXY protocol header, versions 1 and 2 (HAProxy's
/// proxy-protocol.txt). Rules are named after the specification's sections.
/// </summary>
internal static class ProxyProtocolParser
{
    /// <summary>§2.1: the longest v1 line, "PROXY UNKNOWN" with two full IPv6 addresses, CRLF included.</summary>
    public const int V1MaxLength = 107;

    /// <summary>§2.2: signature, version/command, family/transport, length.</summary>
    public const int V2FixedLength = 16;

    /// <summary>
    /// Our cap on the v2 address block and TLVs. The specification allows 65535 bytes; the largest
    /// address block (AF_UNIX, 216 bytes) plus the TLVs proxies actually send (ALPN, authority,
    /// unique ID of at most 128 bytes, SSL details, cloud endpoint IDs) fit easily, and the cap
    /// bounds what an unauthenticated peer makes us buffer.
    /// </summary>
    public const int V2MaxRemainderLength = 2048;

    private const int V2InetBlockLength = 12;
    private const int V2Inet6BlockLength = 36;

    private static ReadOnlySpan<byte> V1Prefix => "PROXY "u8;

    private static ReadOnlySpan<byte> V2Signature =>
        [0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A];

    /// <summary>
    /// Parses one header from the start of <paramref name="reader"/>. NeedMoreData consumes
    /// nothing; Done advances past the header and nothing more; InvalidData sets
    /// <see cref="ProxyHeader.Error"/>. Input that cannot start a header is refused as soon as the
    /// first differing byte arrives rather than after 107 bytes.
    /// </summary>
    public static OperationStatus TryParse(ref SequenceReader<byte> reader, out ProxyHeader header)
    {
        header = default;
        if (reader.End)
        {
            return OperationStatus.NeedMoreData;
        }

        Span<byte> start = stackalloc byte[V2Signature.Length];
        var available = (int)Math.Min(reader.Remaining, start.Length);
        start = start[..available];
        reader.TryCopyTo(start);

        if (start[0] == V1Prefix[0])
        {
            return HumanReadableHeader(ref reader, start, out header);
        }

        if (start[0] == V2Signature[0])
        {
            return BinaryHeader(ref reader, start, out header);
        }

        return Fail(ProxyProtocolError.NotProxyProtocol, out header);
    }

    /// <summary>§2.1: "PROXY" SP ("TCP4" | "TCP6" | "UNKNOWN") SP src SP dst SP sport SP dport CRLF.</summary>
    private static OperationStatus HumanReadableHeader(ref SequenceReader<byte> reader, scoped ReadOnlySpan<byte> start, out ProxyHeader header)
    {
        header = default;
        var prefixLength = Math.Min(start.Length, V1Prefix.Length);
        if (!start[..prefixLength].SequenceEqual(V1Prefix[..prefixLength]))
        {
            return Fail(ProxyProtocolError.NotProxyProtocol, out header);
        }

        var window = reader.UnreadSequence.Slice(0, Math.Min(reader.Remaining, V1MaxLength));
        var lineFeed = window.PositionOf((byte)'\n');
        if (lineFeed is null)
        {
            return window.Length >= V1MaxLength
                ? Fail(ProxyProtocolError.HeaderTooLong, out header)
                : OperationStatus.NeedMoreData;
        }

        var lineLength = (int)window.Slice(0, lineFeed.Value).Length + 1;
        Span<byte> line = stackalloc byte[V1MaxLength];
        line = line[..lineLength];
        window.Slice(0, lineLength).CopyTo(line);

        if (!line.StartsWith(V1Prefix))
        {
            return Fail(ProxyProtocolError.NotProxyProtocol, out header);
        }

        // "The receiver must not tolerate a single CR or LF character to end the line."
        if (lineLength < V1Prefix.Length + 2 || line[^2] != (byte)'\r')
        {
            return Fail(ProxyProtocolError.MissingCarriageReturn, out header);
        }

        var status = Protocol(line[V1Prefix.Length..^2], out header);
        if (status == OperationStatus.Done)
        {
            reader.Advance(lineLength);
        }

        return status;
    }

    private static OperationStatus Protocol(ReadOnlySpan<byte> fields, out ProxyHeader header)
    {
        header = default;

        // UNKNOWN: "the receiver must ignore anything presented before the CRLF".
        if (fields.StartsWith("UNKNOWN"u8) && (fields.Length == 7 || fields[7] == (byte)' '))
        {
            header = new ProxyHeader(1, ProxyCommand.Proxy, null, null);
            return OperationStatus.Done;
        }

        AddressFamily family;
        if (fields.StartsWith("TCP4 "u8))
        {
            family = AddressFamily.InterNetwork;
        }
        else if (fields.StartsWith("TCP6 "u8))
        {
            family = AddressFamily.InterNetworkV6;
        }
        else
        {
            return Fail(ProxyProtocolError.UnsupportedProtocol, out header);
        }

        var rest = fields[5..];
        Span<Range> parts = stackalloc Range[4];
        if (!TrySplit(rest, (byte)' ', parts))
        {
            return Fail(ProxyProtocolError.InvalidSyntax, out header);
        }

        if (!TryAddress(rest[parts[0]], family, out var source) || !TryAddress(rest[parts[1]], family, out var destination))
        {
            return Fail(ProxyProtocolError.InvalidAddress, out header);
        }

        if (!TryPort(rest[parts[2]], out var sourcePort) || !TryPort(rest[parts[3]], out var destinationPort))
        {
            return Fail(ProxyProtocolError.InvalidPort, out header);
        }

        header = new ProxyHeader(1, ProxyCommand.Proxy, new IPEndPoint(source, sourcePort), new IPEndPoint(destination, destinationPort));
        return OperationStatus.Done;
    }

    /// <summary>
    /// §2.1: IPv4 as four decimal numbers 0-255 without leading zeros; IPv6 as hexadecimal groups
    /// with at most one "::".
    /// </summary>
    private static bool TryAddress(ReadOnlySpan<byte> text, AddressFamily family, out IPAddress address)
    {
        address = IPAddress.None;
        return family == AddressFamily.InterNetwork ? TryIPv4(text, out address) : TryIPv6(text, out address);
    }

    private static bool TryIPv4(ReadOnlySpan<byte> text, out IPAddress address)
    {
        address = IPAddress.None;
        Span<Range> parts = stackalloc Range[4];
        if (!TrySplit(text, (byte)'.', parts))
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[4];
        for (var i = 0; i < 4; i++)
        {
            if (!TryDecimal(text[parts[i]], 3, out var value) || value > byte.MaxValue)
            {
                return false;
            }

            bytes[i] = (byte)value;
        }

        address = new IPAddress(bytes);
        return true;
    }

    private static bool TryIPv6(ReadOnlySpan<byte> text, out IPAddress address)
    {
        address = IPAddress.None;

        // "ffff:" times 8, less one ':' : the longest form. Dotted IPv4 tails and zone IDs are not
        // part of the canonical format the specification requires.
        if (text.Length is < 2 or > 39)
        {
            return false;
        }

        Span<char> chars = stackalloc char[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            var c = (char)text[i];
            if (c != ':' && !char.IsAsciiHexDigit(c))
            {
                return false;
            }

            chars[i] = c;
        }

        if (!IPAddress.TryParse(chars, out var parsed) || parsed.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        address = parsed;
        return true;
    }

    /// <summary>
    /// Splits into exactly <paramref name="parts"/>.Length non-empty fields separated by exactly
    /// one <paramref name="separator"/>.
    /// </summary>
    private static bool TrySplit(ReadOnlySpan<byte> text, byte separator, Span<Range> parts)
    {
        var start = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            var length = text[start..].IndexOf(separator);
            var last = i == parts.Length - 1;
            if (last != (length < 0))
            {
                return false;
            }

            var end = last ? text.Length : start + length;
            if (end == start)
            {
                return false;
            }

            parts[i] = start..end;
            start = end + 1;
        }

        return true;
    }

    /// <summary>§2.1: 0-65535 in decimal, "heading zeroes are not permitted".</summary>
    private static bool TryPort(ReadOnlySpan<byte> text, out int port) =>
        TryDecimal(text, 5, out port) && port <= IPEndPoint.MaxPort;

    private static bool TryDecimal(ReadOnlySpan<byte> text, int maxDigits, out int value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > maxDigits || (text.Length > 1 && text[0] == (byte)'0'))
        {
            return false;
        }

        foreach (var b in text)
        {
            if (!char.IsAsciiDigit((char)b))
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return true;
    }

    /// <summary>§2.2: the 16-byte fixed part, then the address block and TLVs it announces.</summary>
    private static OperationStatus BinaryHeader(ref SequenceReader<byte> reader, scoped ReadOnlySpan<byte> start, out ProxyHeader header)
    {
        header = default;
        if (!start.SequenceEqual(V2Signature[..start.Length]))
        {
            return Fail(ProxyProtocolError.NotProxyProtocol, out header);
        }

        if (reader.Remaining < V2FixedLength)
        {
            // Refuse a wrong version nibble as soon as it is visible.
            if (reader.Remaining > V2Signature.Length && reader.TryPeek(V2Signature.Length, out var versionCommand) && versionCommand >> 4 != 2)
            {
                return Fail(ProxyProtocolError.UnsupportedVersion, out header);
            }

            return OperationStatus.NeedMoreData;
        }

        Span<byte> fixedPart = stackalloc byte[V2FixedLength];
        reader.TryCopyTo(fixedPart);

        var version = fixedPart[12] >> 4;
        var command = fixedPart[12] & 0x0F;
        var family = fixedPart[13] >> 4;
        var transport = fixedPart[13] & 0x0F;
        var length = BinaryPrimitives.ReadUInt16BigEndian(fixedPart[14..]);

        if (version != 2)
        {
            return Fail(ProxyProtocolError.UnsupportedVersion, out header);
        }

        if (command > 1)
        {
            return Fail(ProxyProtocolError.UnsupportedCommand, out header);
        }

        // Families: 0 UNSPEC, 1 INET, 2 INET6, 3 UNIX. Transports: 0 UNSPEC, 1 STREAM, 2 DGRAM.
        if (family > 3 || transport > 2)
        {
            return Fail(ProxyProtocolError.UnsupportedAddressFamily, out header);
        }

        if (length > V2MaxRemainderLength)
        {
            return Fail(ProxyProtocolError.HeaderTooLong, out header);
        }

        if (reader.Remaining < V2FixedLength + length)
        {
            return OperationStatus.NeedMoreData;
        }

        if (command == 0)
        {
            // LOCAL: "must use the real connection endpoints and discard the protocol block".
            header = new ProxyHeader(2, ProxyCommand.Local, null, null);
            reader.Advance(V2FixedLength + length);
            return OperationStatus.Done;
        }

        IPEndPoint? source = null;
        IPEndPoint? destination = null;
        if (transport == 1 && family is 1 or 2)
        {
            var addressLength = family == 1 ? 4 : 16;
            var blockLength = family == 1 ? V2InetBlockLength : V2Inet6BlockLength;
            if (length < blockLength)
            {
                return Fail(ProxyProtocolError.AddressBlockTooShort, out header);
            }

            Span<byte> block = stackalloc byte[V2Inet6BlockLength];
            block = block[..blockLength];
            reader.UnreadSequence.Slice(V2FixedLength, blockLength).CopyTo(block);
            var sourcePort = BinaryPrimitives.ReadUInt16BigEndian(block[(2 * addressLength)..]);
            var destinationPort = BinaryPrimitives.ReadUInt16BigEndian(block[((2 * addressLength) + 2)..]);
            source = new IPEndPoint(new IPAddress(block[..addressLength]), sourcePort);
            destination = new IPEndPoint(new IPAddress(block[addressLength..(2 * addressLength)]), destinationPort);
        }

        // Any other valid family/transport (UNSPEC, UNIX, DGRAM) falls back to the real endpoints,
        // as the specification requires of receivers that do not implement it. TLVs are skipped.
        header = new ProxyHeader(2, ProxyCommand.Proxy, source, destination);
        reader.Advance(V2FixedLength + length);
        return OperationStatus.Done;
    }

    private static OperationStatus Fail(ProxyProtocolError error, out ProxyHeader header)
    {
        header = ProxyHeader.Invalid(error);
        return OperationStatus.InvalidData;
    }
}
