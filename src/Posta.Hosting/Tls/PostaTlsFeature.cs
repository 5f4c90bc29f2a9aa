using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Posta.Hosting.Tls;

internal sealed record PostaTlsFeature(
    SslProtocols Protocol,
    TlsCipherSuite CipherSuite,
    string? ServerName,
    X509Certificate2 Certificate) : IPostaTlsFeature;
