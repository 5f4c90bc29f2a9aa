using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Posta.Hosting.Tls;

/// <summary>A loaded certificate, ready for handshakes: its chain context and the names it serves.</summary>
internal sealed class ServerCertificate(X509Certificate2 leaf, SslStreamCertificateContext context, IReadOnlyList<string> dnsNames)
{
    public X509Certificate2 Leaf { get; } = leaf;

    /// <summary>The leaf with its intermediates, built once so each handshake sends the full chain.</summary>
    public SslStreamCertificateContext Context { get; } = context;

    /// <summary>Lower-case DNS names from the SAN (or the CN when there is no SAN), wildcards included.</summary>
    public IReadOnlyList<string> DnsNames { get; } = dnsNames;

    public string Thumbprint => Leaf.Thumbprint;
}
