namespace Posta.Hosting.Tls;

/// <summary>A configured certificate and what the store last read from its files.</summary>
internal sealed class CertificateEntry(CertificateFiles? files, ServerCertificate certificate, string fingerprint)
{
    /// <summary>Null for a self-signed certificate, which is not watched.</summary>
    public CertificateFiles? Files { get; } = files;

    public ServerCertificate Certificate { get; set; } = certificate;

    /// <summary>SHA-256 over both files as last loaded.</summary>
    public string Fingerprint { get; set; } = fingerprint;

    /// <summary>The content that last failed to load, so one broken renewal is reported once.</summary>
    public string? FailedFingerprint { get; set; }
}
