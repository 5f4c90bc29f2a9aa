namespace Posta.Hosting;

/// <summary>Server certificates for implicit TLS, STARTTLS and HTTPS.</summary>
public sealed class TlsOptions
{
    /// <summary>
    /// Certificates in PEM, as Let's Encrypt writes them. The client's SNI name picks one (exact
    /// SAN name, then wildcard); the first is the default.
    /// </summary>
    public IList<CertificateFiles> Certificates { get; } = [];

    /// <summary>
    /// Where a self-signed certificate is generated (cert.pem, key.pem) and found again on the
    /// next start when <see cref="Certificates"/> is empty. When null, a fresh one lives in memory
    /// only.
    /// </summary>
    public string? SelfSignedDirectory { get; set; }

    /// <summary>
    /// How often certificate files are re-read in case a change notification was missed (network
    /// file systems, bind mounts, symlink swaps in directories not watched).
    /// </summary>
    public TimeSpan ReloadCheckInterval { get; set; } = TimeSpan.FromSeconds(30);
}
