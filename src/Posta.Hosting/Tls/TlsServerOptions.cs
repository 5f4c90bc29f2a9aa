using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Posta.Hosting.Tls;

/// <summary>The server side of every handshake, mail protocols and HTTPS alike.</summary>
internal static class TlsServerOptions
{
    /// <summary>
    /// TLS 1.2 and 1.3 only: RFC 8996 deprecates 1.0 and 1.1, and RFC 9325 §3.1.1 requires 1.2 as
    /// the floor. Cipher suites stay the system's (OpenSSL's) defaults: on port 25 TLS is
    /// opportunistic (RFC 7435), and refusing an old but acceptable suite would push a sender
    /// back to plaintext.
    /// </summary>
    public const SslProtocols Protocols = SslProtocols.Tls12 | SslProtocols.Tls13;

    /// <summary>A fresh object per handshake: Kestrel fills in ALPN on the one it receives.</summary>
    public static SslServerAuthenticationOptions Create(ServerCertificate certificate) => new()
    {
        ServerCertificateContext = certificate.Context,
        EnabledSslProtocols = Protocols,
        ClientCertificateRequired = false,
        CertificateRevocationCheckMode = X509RevocationMode.NoCheck,

        // Client-initiated renegotiation only costs the server CPU (RFC 9325 §3.5); TLS 1.3 has none.
        AllowRenegotiation = false,
    };
}
