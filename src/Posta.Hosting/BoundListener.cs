using System.Net;

namespace Posta.Hosting;

/// <summary>One bound socket of a listener.</summary>
/// <param name="Name">The listener name.</param>
/// <param name="Address">The configured address, as written ("127.0.0.1:0", "unix:/run/posta/lmtp.sock").</param>
/// <param name="EndPoint">What the socket is bound to: the actual port when 0 was configured.</param>
public sealed record BoundListener(string Name, string Address, EndPoint EndPoint);
