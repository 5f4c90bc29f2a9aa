using System.Net;

namespace Posta.Smtp.Protocol.Commands;

/// <summary>The common shape of EHLO, HELO and LHLO.</summary>
/// <param name="Verb">Which of the three.</param>
/// <param name="Identity">The argument as sent, without surrounding spaces.</param>
/// <param name="Kind">Whether the argument is a valid domain, an address literal, or neither.</param>
/// <param name="Address">The address of an IPv4 or IPv6 address literal; otherwise null.</param>
public abstract record HelloCommand(SmtpVerb Verb, string Identity, HelloIdentityKind Kind, IPAddress? Address) : SmtpCommand(Verb);
