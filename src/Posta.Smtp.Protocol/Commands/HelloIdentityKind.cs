namespace Posta.Smtp.Protocol.Commands;

/// <summary>What the argument of EHLO, HELO or LHLO is, by RFC 5321 §4.1.1.1 syntax.</summary>
public enum HelloIdentityKind
{
    /// <summary>A syntactically valid <c>Domain</c>.</summary>
    Domain,

    /// <summary>A syntactically valid <c>address-literal</c> ("[192.0.2.1]", "[IPv6:2001:db8::1]").</summary>
    AddressLiteral,

    /// <summary>
    /// Something else (underscores, spaces, a trailing dot...). Real clients send such names; the
    /// session decides, as Postfix does with <c>reject_invalid_helo_hostname</c>.
    /// </summary>
    Invalid,
}
