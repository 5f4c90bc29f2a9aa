using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Posta.Hosting;

/// <summary>Set on a connection's features once implicit TLS or STARTTLS completed.</summary>
public interface IPostaTlsFeature
{
    /// <summary>TLS 1.2 or TLS 1.3.</summary>
    SslProtocols Protocol { get; }

    /// <summary>The negotiated cipher suite, for Received headers and logs.</summary>
    TlsCipherSuite CipherSuite { get; }

    /// <summary>The host name the client asked for with SNI, or null when it sent none.</summary>
    string? ServerName { get; }

    /// <summary>The certificate the server presented.</summary>
    X509Certificate2 Certificate { get; }
}
