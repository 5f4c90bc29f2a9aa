using System.Security.Cryptography.X509Certificates;

namespace Posta.Hosting.Tests.Support;

/// <summary>
/// Certificates shared by a test class: an RSA leaf issued through an intermediate, and an ECDSA
/// wildcard. Key generation is the slow part of the TLS tests, so it happens once.
/// </summary>
public sealed class CertificateFixture : IDisposable
{
    public CertificateFixture()
    {
        Root = TestCertificates.CreateAuthority("Test Root");
        Intermediate = CertificateStoreTests.Intermediate(Root);
        Mail = TestCertificates.CreateServer(["mail.example.test"], rsa: true, issuer: Intermediate);
        Wildcard = TestCertificates.CreateServer(["*.example.org"]);
        Renewed = TestCertificates.CreateServer(["mail.example.test"]);
    }

    public X509Certificate2 Root { get; }

    public X509Certificate2 Intermediate { get; }

    public X509Certificate2 Mail { get; }

    public X509Certificate2 Wildcard { get; }

    /// <summary>Same name as <see cref="Mail"/>, another key: what a renewal brings.</summary>
    public X509Certificate2 Renewed { get; }

    public void Dispose()
    {
        Renewed.Dispose();
        Wildcard.Dispose();
        Mail.Dispose();
        Intermediate.Dispose();
        Root.Dispose();
    }
}
