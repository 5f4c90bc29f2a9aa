using System.Net;
using System.Net.Sockets;
using System.Text;
using Posta.Smtp.Protocol.Commands;

namespace Posta.Smtp.Protocol.Parsing;

/// <summary>
/// Postfix XCLIENT (XCLIENT_README): <c>xclient-command = XCLIENT 1*( SP attribute-name"="attribute-value )</c>,
/// attribute names case-insensitive, values xtext.
/// </summary>
public sealed partial class SmtpCommandParser
{
    /// <summary>XCLIENT_README: NAME and HELO values are at most 255 characters.</summary>
    private const int MaxXClientValueLength = 255;

    private static SmtpCommand XClient(ReadOnlySpan<byte> arguments)
    {
        if (arguments.IsEmpty)
        {
            return new InvalidCommand(SmtpVerb.XClient, SmtpCommandError.InvalidArguments);
        }

        var command = new XClientCommand();
        foreach (var range in arguments.Split((byte)' '))
        {
            var token = arguments[range];
            if (token.IsEmpty)
            {
                continue;
            }

            var equals = token.IndexOf((byte)'=');
            var name = equals < 0 ? token : token[..equals];
            var attribute = Attribute(name);
            if (equals <= 0 || attribute == XClientAttributes.None || (command.Present & attribute) != 0
                || !Xtext.TryDecode(token[(equals + 1)..], out var value) || value.Length is 0 or > MaxXClientValueLength)
            {
                return new InvalidCommand(SmtpVerb.XClient, SmtpCommandError.InvalidXClientAttribute, Detail(name));
            }

            command = command with { Present = command.Present | attribute };
            var temporary = value.Equals("[TEMPUNAVAIL]", StringComparison.OrdinalIgnoreCase);
            if (temporary || value.Equals("[UNAVAILABLE]", StringComparison.OrdinalIgnoreCase))
            {
                command = command with
                {
                    Unavailable = command.Unavailable | attribute,
                    TemporarilyUnavailable = temporary ? command.TemporarilyUnavailable | attribute : command.TemporarilyUnavailable,
                };
                continue;
            }

            var updated = attribute switch
            {
                XClientAttributes.Name => IsHostName(value) ? command with { Name = value } : null,
                XClientAttributes.Addr => XClientAddress(value) is { } address ? command with { Address = address } : null,
                XClientAttributes.Port => XClientPort(value) is { } port ? command with { Port = port } : null,
                XClientAttributes.Proto => value.Equals("SMTP", StringComparison.OrdinalIgnoreCase) ? command with { Protocol = XClientProtocol.Smtp }
                    : value.Equals("ESMTP", StringComparison.OrdinalIgnoreCase) ? command with { Protocol = XClientProtocol.Esmtp }
                    : null,
                XClientAttributes.Helo => IsPrintableAscii(value) ? command with { Helo = value } : null,
                XClientAttributes.Login => !HasControl(value) ? command with { Login = value } : null,
                XClientAttributes.DestAddr => XClientAddress(value) is { } address ? command with { DestinationAddress = address } : null,
                _ => XClientPort(value) is { } port ? command with { DestinationPort = port } : null,
            };
            if (updated is null)
            {
                return new InvalidCommand(SmtpVerb.XClient, SmtpCommandError.InvalidXClientAttribute, Detail(name));
            }

            command = updated;
        }

        return command.Present == XClientAttributes.None ? new InvalidCommand(SmtpVerb.XClient, SmtpCommandError.InvalidArguments) : command;
    }

    private static XClientAttributes Attribute(ReadOnlySpan<byte> name) =>
        Ascii.EqualsIgnoreCase(name, "NAME"u8) ? XClientAttributes.Name
        : Ascii.EqualsIgnoreCase(name, "ADDR"u8) ? XClientAttributes.Addr
        : Ascii.EqualsIgnoreCase(name, "PORT"u8) ? XClientAttributes.Port
        : Ascii.EqualsIgnoreCase(name, "PROTO"u8) ? XClientAttributes.Proto
        : Ascii.EqualsIgnoreCase(name, "HELO"u8) ? XClientAttributes.Helo
        : Ascii.EqualsIgnoreCase(name, "LOGIN"u8) ? XClientAttributes.Login
        : Ascii.EqualsIgnoreCase(name, "DESTADDR"u8) ? XClientAttributes.DestAddr
        : Ascii.EqualsIgnoreCase(name, "DESTPORT"u8) ? XClientAttributes.DestPort
        : XClientAttributes.None;

    /// <summary>
    /// XCLIENT_README: "a numerical IPv4 network address, an IPv6 address prefixed with IPV6:";
    /// an IPv6 address without the prefix is accepted too.
    /// </summary>
    private static IPAddress? XClientAddress(string value)
    {
        Span<byte> bytes = stackalloc byte[value.Length];
        if (Ascii.FromUtf16(value, bytes, out _) != System.Buffers.OperationStatus.Done)
        {
            return null;
        }

        if (bytes.Length > 5 && Ascii.EqualsIgnoreCase(bytes[..5], "IPV6:"u8))
        {
            bytes = bytes[5..];
        }

        IPAddress? address;
        var valid = bytes.Contains((byte)':')
            ? SmtpGrammar.IPv6AddressLiteral(bytes, out address)
            : SmtpGrammar.IPv4AddressLiteral(bytes, out address);
        return valid && address?.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6 ? address : null;
    }

    private static int? XClientPort(string value)
    {
        if (value.Length is 0 or > 5)
        {
            return null;
        }

        var port = 0;
        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c))
            {
                return null;
            }

            port = (port * 10) + (c - '0');
        }

        return port <= IPEndPoint.MaxPort ? port : null;
    }

    /// <summary>A reverse-DNS name: letters, digits, "-", "_" (seen in PTR records) and dots; it goes into Received.</summary>
    private static bool IsHostName(string value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }
}
