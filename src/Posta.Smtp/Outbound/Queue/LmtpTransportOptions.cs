using System.Net;
using Posta.Smtp.Outbound.Client;

namespace Posta.Smtp.Outbound.Queue;

/// <summary>Where and how <see cref="LmtpTransport"/> hands mail to the store node.</summary>
public sealed class LmtpTransportOptions
{
    /// <summary>The store node's LMTP listener (see <see cref="LmtpTarget"/>).</summary>
    public required EndPoint EndPoint { get; init; }

    /// <summary>The client settings: LMTP dialect, this node's name for LHLO, timeouts.</summary>
    public required SmtpClientOptions Client { get; init; }
}
