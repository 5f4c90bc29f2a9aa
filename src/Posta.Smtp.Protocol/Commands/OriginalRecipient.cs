namespace Posta.Smtp.Protocol.Commands;

/// <summary>
/// The RCPT parameter ORCPT (RFC 3461 §4.2): <c>addr-type ";" xtext</c>, decoded. For the
/// "utf-8" address type (RFC 6533 §3) the "\x{HEX}" escapes are decoded too.
/// </summary>
/// <param name="AddressType">The address type as sent, e.g. "rfc822" or "utf-8".</param>
/// <param name="Address">The decoded original recipient address.</param>
public sealed record OriginalRecipient(string AddressType, string Address);
