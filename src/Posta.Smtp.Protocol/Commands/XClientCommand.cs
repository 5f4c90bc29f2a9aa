using System.Net;

namespace Posta.Smtp.Protocol.Commands;

/// <summary>
/// Postfix XCLIENT (as sent by nginx's mail proxy and by Postfix): <c>"XCLIENT" 1*( SP
/// attribute-name "=" attribute-value )</c> with xtext-encoded values. <see cref="Present"/> says
/// which attributes were sent; one sent as "[UNAVAILABLE]" or "[TEMPUNAVAIL]" is in
/// <see cref="Unavailable"/> (and <see cref="TemporarilyUnavailable"/>) and its property stays
/// null. Whether the client may use XCLIENT at all is the session's decision.
/// </summary>
public sealed record XClientCommand() : SmtpCommand(SmtpVerb.XClient)
{
    /// <summary>The attributes the command carried.</summary>
    public XClientAttributes Present { get; init; }

    /// <summary>The attributes sent as "[UNAVAILABLE]" or "[TEMPUNAVAIL]".</summary>
    public XClientAttributes Unavailable { get; init; }

    /// <summary>The attributes sent as "[TEMPUNAVAIL]": a lookup failed temporarily (NAME).</summary>
    public XClientAttributes TemporarilyUnavailable { get; init; }

    /// <summary>NAME: the client's host name.</summary>
    public string? Name { get; init; }

    /// <summary>ADDR: the client's address ("IPV6:" prefix removed).</summary>
    public IPAddress? Address { get; init; }

    /// <summary>PORT: the client's port.</summary>
    public int? Port { get; init; }

    /// <summary>PROTO: how the client greeted.</summary>
    public XClientProtocol? Protocol { get; init; }

    /// <summary>HELO: the client's HELO/EHLO argument.</summary>
    public string? Helo { get; init; }

    /// <summary>LOGIN: the SASL login name.</summary>
    public string? Login { get; init; }

    /// <summary>DESTADDR: the server address the client connected to.</summary>
    public IPAddress? DestinationAddress { get; init; }

    /// <summary>DESTPORT: the server port the client connected to.</summary>
    public int? DestinationPort { get; init; }
}
