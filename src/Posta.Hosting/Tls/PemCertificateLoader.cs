using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Posta.Hosting.Tls;

/// <summary>Turns PEM text (fullchain.pem, privkey.pem) into a <see cref="ServerCertificate"/>.</summary>
internal static class PemCertificateLoader
{
    private const string ServerAuthenticationOid = "1.3.6.1.5.5.7.3.1";

    /// <exception cref="CertificateLoadException">The text is not a usable certificate and key.</exception>
    public static ServerCertificate Load(string certificatePem, string keyPem, string certificatePath, string keyPath)
    {
        if (!certificatePem.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
        {
            throw new CertificateLoadException(certificatePath, "no PEM certificate found (expected fullchain.pem)");
        }

        if (keyPem.Contains("-----BEGIN ENCRYPTED PRIVATE KEY-----", StringComparison.Ordinal))
        {
            throw new CertificateLoadException(keyPath, "the private key is encrypted; store it unencrypted with mode 0600");
        }

        if (!keyPem.Contains("PRIVATE KEY-----", StringComparison.Ordinal))
        {
            throw new CertificateLoadException(keyPath, "no PEM private key found (expected privkey.pem)");
        }

        X509Certificate2 leaf;
        var chain = new X509Certificate2Collection();
        try
        {
            // The first certificate of the file is the leaf; the key must belong to it.
            leaf = X509Certificate2.CreateFromPem(certificatePem, keyPem);
            chain.ImportFromPem(certificatePem);
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            throw new CertificateLoadException(certificatePath, $"cannot be used with key {keyPath}: {ex.Message}", ex);
        }

        if (OperatingSystem.IsWindows())
        {
            // SChannel cannot use the ephemeral key CreateFromPem yields; OpenSSL on Linux can.
            using var ephemeral = leaf;
            leaf = X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), null);
        }

        foreach (var extension in leaf.Extensions)
        {
            if (extension is X509EnhancedKeyUsageExtension usage
                && !usage.EnhancedKeyUsages.Cast<Oid>().Any(oid => oid.Value == ServerAuthenticationOid))
            {
                throw new CertificateLoadException(certificatePath, "the certificate is not valid for TLS server authentication (extended key usage)");
            }
        }

        var intermediates = new X509Certificate2Collection();
        foreach (var certificate in chain)
        {
            if (certificate.Thumbprint != leaf.Thumbprint)
            {
                intermediates.Add(certificate);
            }
        }

        // offline: no network fetches (AIA, OCSP) while building the chain; fullchain.pem already
        // carries the intermediates clients need.
        var context = SslStreamCertificateContext.Create(leaf, intermediates, offline: true);
        return new ServerCertificate(leaf, context, DnsNames(leaf));
    }

    internal static IReadOnlyList<string> DnsNames(X509Certificate2 certificate)
    {
        var names = new List<string>();
        foreach (var extension in certificate.Extensions)
        {
            if (extension is X509SubjectAlternativeNameExtension san)
            {
                names.AddRange(san.EnumerateDnsNames().Select(name => name.TrimEnd('.').ToLowerInvariant()));
            }
        }

        if (names.Count == 0)
        {
            // Certificates without a SAN are obsolete (RFC 6125 §6.4.4) but still seen in the wild.
            var commonName = certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
            if (!string.IsNullOrEmpty(commonName))
            {
                names.Add(commonName.ToLowerInvariant());
            }
        }

        return names;
    }
}
