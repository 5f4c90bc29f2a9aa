namespace Posta.Smtp.Protocol.Commands;

/// <summary>The XCLIENT attributes (Postfix XCLIENT_README), as a set.</summary>
[Flags]
public enum XClientAttributes
{
    /// <summary>No attribute.</summary>
    None = 0,

    /// <summary>NAME: the client's host name.</summary>
    Name = 1 << 0,

    /// <summary>ADDR: the client's IP address.</summary>
    Addr = 1 << 1,

    /// <summary>PORT: the client's TCP port.</summary>
    Port = 1 << 2,

    /// <summary>PROTO: SMTP or ESMTP, how the client greeted the proxy.</summary>
    Proto = 1 << 3,

    /// <summary>HELO: the client's HELO/EHLO argument.</summary>
    Helo = 1 << 4,

    /// <summary>LOGIN: the SASL login name the proxy authenticated.</summary>
    Login = 1 << 5,

    /// <summary>DESTADDR: the address the client connected to.</summary>
    DestAddr = 1 << 6,

    /// <summary>DESTPORT: the port the client connected to.</summary>
    DestPort = 1 << 7,

    /// <summary>Every attribute.</summary>
    All = Name | Addr | Port | Proto | Helo | Login | DestAddr | DestPort,
}
