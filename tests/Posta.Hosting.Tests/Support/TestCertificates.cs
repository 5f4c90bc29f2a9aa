using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Posta.Hosting;

namespace Posta.Hosting.Tests.Support;

/// <summary>Certificates made on the spot, written as PEM the way Let's Encrypt lays them out.</summary>
internal static class TestCertificates
{
    private const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";

    public static X509Certificate2 CreateAuthority(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
    }

    /// <summary>A server certificate for <paramref name="names"/>, self-signed or issued by <paramref name="issuer"/>.</summary>
    public static X509Certificate2 CreateServer(string[] names, bool rsa = false, X509Certificate2? issuer = null)
    {
        using AsymmetricAlgorithm key = rsa ? RSA.Create(2048) : ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = key is RSA rsaKey
            ? new CertificateRequest($"CN={names[0]}", rsaKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            : new CertificateRequest($"CN={names[0]}", (ECDsa)key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ServerAuthentication)], false));
        var san = new SubjectAlternativeNameBuilder();
        foreach (var name in names)
        {
            san.AddDnsName(name);
        }

        request.CertificateExtensions.Add(san.Build());
        var now = DateTimeOffset.UtcNow;
        if (issuer is null)
        {
            return request.CreateSelfSigned(now.AddDays(-1), now.AddDays(90));
        }

        var serial = RandomNumberGenerator.GetBytes(12);
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));

        // The issuer's key decides the signature, whatever the leaf's key is.
        var signer = X509SignatureGenerator.CreateForECDsa(issuer.GetECDsaPrivateKey()!);
        using var issued = request.Create(issuer.SubjectName, signer, now.AddDays(-1), now.AddDays(90), serial);
        return key is RSA r ? issued.CopyWithPrivateKey(r) : issued.CopyWithPrivateKey((ECDsa)key);
    }

    /// <summary>Writes fullchain.pem (leaf then intermediates) and privkey.pem into <paramref name="directory"/>.</summary>
    public static CertificateFiles WritePem(string directory, X509Certificate2 leaf, params X509Certificate2[] intermediates)
    {
        Directory.CreateDirectory(directory);
        var chain = leaf.ExportCertificatePem() + "\n" + string.Concat(intermediates.Select(c => c.ExportCertificatePem() + "\n"));
        var files = new CertificateFiles(Path.Combine(directory, "fullchain.pem"), Path.Combine(directory, "privkey.pem"));
        File.WriteAllText(files.CertificatePath, chain);
        File.WriteAllText(files.KeyPath, KeyPem(leaf));
        return files;
    }

    public static string KeyPem(X509Certificate2 certificate) =>
        (AsymmetricAlgorithm?)certificate.GetECDsaPrivateKey() is { } ec
            ? ((ECDsa)ec).ExportPkcs8PrivateKeyPem()
            : certificate.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem();
}
