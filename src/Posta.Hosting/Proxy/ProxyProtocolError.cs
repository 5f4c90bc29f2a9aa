namespace Posta.Hosting.Proxy;

/// <summary>Why a PROXY protocol header was refused; each one closes the connection.</summary>
internal enum ProxyProtocolError
{
    None,

    /// <summary>Neither the v1 "PROXY " text nor the v2 binary signature.</summary>
    NotProxyProtocol,

    /// <summary>v1: no CRLF within 107 bytes; v2: the announced length exceeds our cap.</summary>
    HeaderTooLong,

    /// <summary>v1: the line ends in a bare LF.</summary>
    MissingCarriageReturn,

    /// <summary>v1: the protocol is not TCP4, TCP6 or UNKNOWN.</summary>
    UnsupportedProtocol,

    /// <summary>v1: not exactly one space between exactly four fields.</summary>
    InvalidSyntax,

    /// <summary>v1: an address not in the canonical form of its family.</summary>
    InvalidAddress,

    /// <summary>v1: a port out of range or with a leading zero.</summary>
    InvalidPort,

    /// <summary>v2: the version nibble is not 2.</summary>
    UnsupportedVersion,

    /// <summary>v2: a command other than LOCAL or PROXY.</summary>
    UnsupportedCommand,

    /// <summary>v2: an address family or transport outside the specification.</summary>
    UnsupportedAddressFamily,

    /// <summary>v2: the length is shorter than the address block of the announced family.</summary>
    AddressBlockTooShort,
}
