namespace Posta.Hosting.Listening;

internal enum ListenAddressKind
{
    /// <summary>One IPv4 or IPv6 address.</summary>
    Ip,

    /// <summary>"*": every IPv4 and IPv6 address, through one dual-stack socket.</summary>
    AnyIp,

    /// <summary>A unix domain socket path.</summary>
    Unix,
}
