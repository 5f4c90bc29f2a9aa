using System.Net;

namespace Posta.Smtp.Protocol.Commands;

/// <summary>RFC 5321 §4.1.1.1: <c>"EHLO" SP ( Domain / address-literal ) CRLF</c>.</summary>
/// <param name="Identity">The argument as sent.</param>
/// <param name="Kind">Whether the argument is a valid domain, an address literal, or neither.</param>
/// <param name="Address">The address of an IPv4 or IPv6 address literal; otherwise null.</param>
public sealed record EhloCommand(string Identity, HelloIdentityKind Kind, IPAddress? Address = null)
    : HelloCommand(SmtpVerb.Ehlo, Identity, Kind, Address);
