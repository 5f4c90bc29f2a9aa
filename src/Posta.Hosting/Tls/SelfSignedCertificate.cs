using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Posta.Hosting.Tls;

/// <summary>
/// The certificate used when none is configured, so that a fresh install still offers TLS (a
/// client warning beats plaintext passwords).
/// </summary>
internal static class SelfSignedCertificate
{
    public const string CertificateFileName = "cert.pem";
    public const string KeyFileName = "key.pem";

    // One year: clients that accept a self-signed certificate still apply the CA/Browser limits
    // (Apple refuses TLS server certificates valid for more than 825 days).
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);

    // Renewed on start this long before it expires, so the warning clients show does not turn
    // into an expiry error between restarts.
    private static readonly TimeSpan RenewBefore = TimeSpan.FromDays(30);

    private const UnixFileMode KeyMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode CertificateMode = KeyMode | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const UnixFileMode DirectoryMode = KeyMode | UnixFileMode.UserExecute;

    /// <summary>Whether a stored self-signed certificate can be used again.</summary>
    public static bool IsReusable(ServerCertificate certificate, string hostname, DateTimeOffset now) =>
        certificate.Leaf.NotAfter.ToUniversalTime() - now.UtcDateTime > RenewBefore
        && certificate.DnsNames.Contains(hostname.TrimEnd('.').ToLowerInvariant());

    /// <summary>Creates an ECDSA P-256 certificate for <paramref name="hostname"/>, as PEM.</summary>
    public static (string CertificatePem, string KeyPem) Create(string hostname, DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCommonName(hostname);
        var request = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));

        var san = new SubjectAlternativeNameBuilder();
        if (IPAddress.TryParse(hostname, out var address))
        {
            san.AddIpAddress(address);
        }
        else
        {
            san.AddDnsName(hostname);
        }

        request.CertificateExtensions.Add(san.Build());

        // Backdated a little for clients whose clocks run behind.
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.Add(Lifetime));
        return (certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }

    /// <summary>Writes the pair; the key is created 0600 and never exists with a wider mode.</summary>
    public static void Write(string directory, string certificatePem, string keyPem)
    {
        if (!Directory.Exists(directory))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(directory);
            }
            else
            {
                Directory.CreateDirectory(directory, DirectoryMode);
            }
        }

        WriteAtomically(Path.Combine(directory, KeyFileName), keyPem, KeyMode);
        WriteAtomically(Path.Combine(directory, CertificateFileName), certificatePem, CertificateMode);
    }

    private static void WriteAtomically(string path, string content, UnixFileMode mode)
    {
        var temporary = path + ".tmp";
        File.Delete(temporary);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = mode;
        }

        using (var stream = new FileStream(temporary, options))
        {
            stream.Write(Encoding.ASCII.GetBytes(content));
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
