using System.Buffers;
using System.Buffers.Binary;
using System.Net;
using System.Text;
using Posta.Hosting.Proxy;
using Posta.Hosting.Tests.Support;

namespace Posta.Hosting.Tests;

public class ProxyProtocolParserTests
{
    private static readonly byte[] Signature = [0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A];

    // Bytes that follow the header and must be left for the protocol.
    private static readonly byte[] Payload = "EHLO client.example\r\n"u8.ToArray();

    public static TheoryData<string, byte[], string?, string?> ValidHeaders() => new()
    {
        { "v1 TCP4 (spec example)", Ascii("PROXY TCP4 192.168.0.1 192.168.0.11 56324 443\r\n"), "192.168.0.1:56324", "192.168.0.11:443" },
        { "v1 TCP4 extremes", Ascii("PROXY TCP4 255.255.255.255 0.0.0.0 65535 0\r\n"), "255.255.255.255:65535", "0.0.0.0:0" },
        { "v1 TCP6", Ascii("PROXY TCP6 2001:db8::1 2001:DB8:0:0:0:0:0:2 1234 25\r\n"), "[2001:db8::1]:1234", "[2001:db8::2]:25" },
        { "v1 UNKNOWN short", Ascii("PROXY UNKNOWN\r\n"), null, null },
        { "v1 UNKNOWN longest", Ascii("PROXY UNKNOWN ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff 65535 65535\r\n"), null, null },
        { "v2 TCP4", V2(0x21, 0x11, Inet("203.0.113.7", "198.51.100.1", 40000, 25)), "203.0.113.7:40000", "198.51.100.1:25" },
        { "v2 TCP6", V2(0x21, 0x21, Inet("2001:db8::7", "2001:db8::1", 5555, 993)), "[2001:db8::7]:5555", "[2001:db8::1]:993" },
        { "v2 TCP4 with TLVs", V2(0x21, 0x11, [.. Inet("10.1.2.3", "10.0.0.1", 1, 2), 0x01, 0x00, 0x02, (byte)'h', (byte)'2', 0x05, 0x00, 0x03, 1, 2, 3]), "10.1.2.3:1", "10.0.0.1:2" },
        { "v2 LOCAL without addresses", V2(0x20, 0x00, []), null, null },
        { "v2 LOCAL with addresses", V2(0x20, 0x11, Inet("10.1.2.3", "10.0.0.1", 1, 2)), null, null },
        { "v2 PROXY UNSPEC", V2(0x21, 0x00, []), null, null },
        { "v2 PROXY UNIX stream", V2(0x21, 0x31, new byte[216]), null, null },
        { "v2 PROXY UDP4", V2(0x21, 0x12, Inet("10.1.2.3", "10.0.0.1", 1, 2)), null, null },
    };

    [Theory]
    [MemberData(nameof(ValidHeaders))]
    public void A_complete_header_is_parsed_and_only_the_header_is_consumed(string name, byte[] header, string? source, string? destination)
    {
        var input = Segments.Split([.. header, .. Payload]);
        var reader = new SequenceReader<byte>(input);

        var status = ProxyProtocolParser.TryParse(ref reader, out var parsed);

        Assert.True(status == OperationStatus.Done, $"{name}: {status} {parsed.Error}");
        Assert.Equal(header.Length, reader.Consumed);
        Assert.Equal(ProxyProtocolError.None, parsed.Error);
        Assert.Equal(source, parsed.Source?.ToString());
        Assert.Equal(destination, parsed.Destination?.ToString());
        Assert.Equal(header[0] == (byte)'P' ? 1 : 2, parsed.Version);
    }

    [Theory]
    [MemberData(nameof(ValidHeaders))]
    public void Every_prefix_of_a_header_needs_more_data_and_consumes_nothing(string name, byte[] header, string? source, string? destination)
    {
        _ = (source, destination);
        for (var length = 0; length < header.Length; length++)
        {
            var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(header, 0, length));

            var status = ProxyProtocolParser.TryParse(ref reader, out _);

            Assert.True(status == OperationStatus.NeedMoreData, $"{name}: prefix of {length} bytes gave {status}");
            Assert.Equal(0, reader.Consumed);
        }
    }

    [Theory]
    [MemberData(nameof(ValidHeaders))]
    public void Any_split_of_a_header_across_segments_parses_the_same(string name, byte[] header, string? source, string? destination)
    {
        byte[] data = [.. header, .. Payload];
        var splits = Enumerable.Range(1, data.Length - 1).Select(cut => Segments.Split(data, cut))
            .Append(Segments.Split(data, 1, 7, 12, 13, 15, 16, 30, 50))
            .Append(Segments.Bytewise(data));

        foreach (var sequence in splits)
        {
            var reader = new SequenceReader<byte>(sequence);

            var status = ProxyProtocolParser.TryParse(ref reader, out var parsed);

            Assert.True(status == OperationStatus.Done, $"{name}: {status} {parsed.Error}");
            Assert.Equal(header.Length, reader.Consumed);
            Assert.Equal(source, parsed.Source?.ToString());
            Assert.Equal(destination, parsed.Destination?.ToString());
        }
    }

    [Fact]
    public void Every_prefix_split_bytewise_still_needs_more_data()
    {
        var header = V2(0x21, 0x21, Inet("2001:db8::7", "2001:db8::1", 5555, 993));
        for (var length = 1; length < header.Length; length++)
        {
            var reader = new SequenceReader<byte>(Segments.Bytewise(header[..length]));

            Assert.Equal(OperationStatus.NeedMoreData, ProxyProtocolParser.TryParse(ref reader, out _));
            Assert.Equal(0, reader.Consumed);
        }
    }

    public static TheoryData<string, byte[], string> MalformedHeaders() => new()
    {
        { "HTTP request", Ascii("GET / HTTP/1.1\r\n"), nameof(ProxyProtocolError.NotProxyProtocol) },
        { "SMTP command", Ascii("EHLO x\r\n"), nameof(ProxyProtocolError.NotProxyProtocol) },
        { "TLS ClientHello", [0x16, 0x03, 0x01, 0x00, 0xa5], nameof(ProxyProtocolError.NotProxyProtocol) },
        { "lower-case keyword", Ascii("proxy TCP4 1.2.3.4 5.6.7.8 1 2\r\n"), nameof(ProxyProtocolError.NotProxyProtocol) },
        { "no space after PROXY", Ascii("PROXY\r\n"), nameof(ProxyProtocolError.NotProxyProtocol) },
        { "unknown protocol", Ascii("PROXY TCP5 1.2.3.4 5.6.7.8 1 2\r\n"), nameof(ProxyProtocolError.UnsupportedProtocol) },
        { "UDP4", Ascii("PROXY UDP4 1.2.3.4 5.6.7.8 1 2\r\n"), nameof(ProxyProtocolError.UnsupportedProtocol) },
        { "bare LF", Ascii("PROXY TCP4 1.2.3.4 5.6.7.8 1 2\n"), nameof(ProxyProtocolError.MissingCarriageReturn) },
        { "no CRLF within 107 bytes", Ascii("PROXY UNKNOWN " + new string('x', 120)), nameof(ProxyProtocolError.HeaderTooLong) },
        { "leading zero in IPv4", Ascii("PROXY TCP4 01.2.3.4 5.6.7.8 1 2\r\n"), nameof(ProxyProtocolError.InvalidAddress) },
        { "IPv4 octet over 255", Ascii("PROXY TCP4 1.2.3.256 5.6.7.8 1 2\r\n"), nameof(ProxyProtocolError.InvalidAddress) },
        { "IPv4 with three parts", Ascii("PROXY TCP4 1.2.3 5.6.7.8 1 2\r\n"), nameof(ProxyProtocolError.InvalidAddress) },
        { "IPv6 under TCP4", Ascii("PROXY TCP4 ::1 ::1 1 2\r\n"), nameof(ProxyProtocolError.InvalidAddress) },
        { "IPv4 under TCP6", Ascii("PROXY TCP6 1.2.3.4 5.6.7.8 1 2\r\n"), nameof(ProxyProtocolError.InvalidAddress) },
        { "IPv6 zone id", Ascii("PROXY TCP6 fe80::1%eth0 ::1 1 2\r\n"), nameof(ProxyProtocolError.InvalidAddress) },
        { "host name", Ascii("PROXY TCP4 example.org 5.6.7.8 1 2\r\n"), nameof(ProxyProtocolError.InvalidAddress) },
        { "port over 65535", Ascii("PROXY TCP4 1.2.3.4 5.6.7.8 65536 2\r\n"), nameof(ProxyProtocolError.InvalidPort) },
        { "port with leading zero", Ascii("PROXY TCP4 1.2.3.4 5.6.7.8 1 025\r\n"), nameof(ProxyProtocolError.InvalidPort) },
        { "negative port", Ascii("PROXY TCP4 1.2.3.4 5.6.7.8 -1 2\r\n"), nameof(ProxyProtocolError.InvalidPort) },
        { "double space", Ascii("PROXY TCP4 1.2.3.4  5.6.7.8 1 2\r\n"), nameof(ProxyProtocolError.InvalidSyntax) },
        { "missing port", Ascii("PROXY TCP4 1.2.3.4 5.6.7.8 1\r\n"), nameof(ProxyProtocolError.InvalidSyntax) },
        { "trailing space", Ascii("PROXY TCP4 1.2.3.4 5.6.7.8 1 2 \r\n"), nameof(ProxyProtocolError.InvalidSyntax) },
        { "v2 broken signature", [.. Signature[..11], 0x0B, 0x21, 0x11, 0, 0], nameof(ProxyProtocolError.NotProxyProtocol) },
        { "v2 version 1", [.. Signature, 0x11, 0x11, 0, 12], nameof(ProxyProtocolError.UnsupportedVersion) },
        { "v2 command 2", [.. Signature, 0x22, 0x11, 0, 0], nameof(ProxyProtocolError.UnsupportedCommand) },
        { "v2 family 4", [.. Signature, 0x21, 0x41, 0, 0], nameof(ProxyProtocolError.UnsupportedAddressFamily) },
        { "v2 transport 3", [.. Signature, 0x21, 0x13, 0, 0], nameof(ProxyProtocolError.UnsupportedAddressFamily) },
        { "v2 length over cap", [.. Signature, 0x21, 0x11, 0xFF, 0xFF], nameof(ProxyProtocolError.HeaderTooLong) },
        { "v2 TCP4 block too short", V2(0x21, 0x11, new byte[8]), nameof(ProxyProtocolError.AddressBlockTooShort) },
        { "v2 TCP6 block too short", V2(0x21, 0x21, new byte[12]), nameof(ProxyProtocolError.AddressBlockTooShort) },
    };

    [Theory]
    [MemberData(nameof(MalformedHeaders))]
    public void Malformed_headers_are_refused_with_a_typed_error(string name, byte[] input, string expected)
    {
        foreach (var sequence in new[] { new ReadOnlySequence<byte>(input), Segments.Bytewise(input), Segments.Split(input, 5, 13) })
        {
            var reader = new SequenceReader<byte>(sequence);

            var status = ProxyProtocolParser.TryParse(ref reader, out var header);

            Assert.True(status == OperationStatus.InvalidData, $"{name}: {status}");
            Assert.Equal(expected, header.Error.ToString());
            Assert.Null(header.Source);
        }
    }

    [Theory]
    [MemberData(nameof(MalformedHeaders))]
    public void No_prefix_of_a_malformed_header_is_accepted(string name, byte[] input, string expected)
    {
        _ = expected;
        for (var length = 0; length <= input.Length; length++)
        {
            var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(input, 0, length));

            var status = ProxyProtocolParser.TryParse(ref reader, out _);

            Assert.True(status != OperationStatus.Done, $"{name}: prefix of {length} bytes was accepted");
        }
    }

    [Fact]
    public void Foreign_protocols_are_refused_at_their_first_byte_not_after_107()
    {
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>("G"u8.ToArray()));

        Assert.Equal(OperationStatus.InvalidData, ProxyProtocolParser.TryParse(ref reader, out var header));
        Assert.Equal(ProxyProtocolError.NotProxyProtocol, header.Error);
    }

    [Fact]
    public void A_wrong_v2_version_is_refused_before_the_rest_of_the_header_arrives()
    {
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>([.. Signature, 0x11]));

        Assert.Equal(OperationStatus.InvalidData, ProxyProtocolParser.TryParse(ref reader, out var header));
        Assert.Equal(ProxyProtocolError.UnsupportedVersion, header.Error);
    }

    [Fact]
    public void The_longest_v1_line_is_exactly_107_bytes()
    {
        var line = Ascii("PROXY UNKNOWN ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff 65535 65535\r\n");

        Assert.Equal(ProxyProtocolParser.V1MaxLength, line.Length);
    }

    [Fact]
    public void The_v2_command_distinguishes_local_from_proxied()
    {
        var local = new SequenceReader<byte>(new ReadOnlySequence<byte>(V2(0x20, 0x00, [])));
        var proxied = new SequenceReader<byte>(new ReadOnlySequence<byte>(V2(0x21, 0x11, Inet("10.1.2.3", "10.0.0.1", 1, 2))));

        ProxyProtocolParser.TryParse(ref local, out var localHeader);
        ProxyProtocolParser.TryParse(ref proxied, out var proxiedHeader);

        Assert.Equal(ProxyCommand.Local, localHeader.Command);
        Assert.Equal(ProxyCommand.Proxy, proxiedHeader.Command);
    }

    internal static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    internal static byte[] V2(byte versionCommand, byte familyTransport, byte[] body)
    {
        var length = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)body.Length);
        return [.. Signature, versionCommand, familyTransport, .. length, .. body];
    }

    internal static byte[] Inet(string source, string destination, ushort sourcePort, ushort destinationPort)
    {
        var ports = new byte[4];
        BinaryPrimitives.WriteUInt16BigEndian(ports, sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(ports.AsSpan(2), destinationPort);
        return [.. IPAddress.Parse(source).GetAddressBytes(), .. IPAddress.Parse(destination).GetAddressBytes(), .. ports];
    }
}
