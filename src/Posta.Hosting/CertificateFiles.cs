namespace Posta.Hosting;

/// <summary>
/// A certificate chain and its private key in PEM files: Let's Encrypt's fullchain.pem and
/// privkey.pem. RSA and ECDSA keys are accepted; the key must not be encrypted.
/// </summary>
/// <param name="CertificatePath">The leaf certificate followed by its intermediates.</param>
/// <param name="KeyPath">The private key of the leaf certificate.</param>
public sealed record CertificateFiles(string CertificatePath, string KeyPath)
{
    /// <summary>
    /// Loads the files the way the server will, without keeping them: <c>posta config check</c>
    /// reports a bad certificate before anything starts.
    /// </summary>
    /// <exception cref="CertificateLoadException">A file is missing, unreadable or not a usable certificate and key.</exception>
    public void Check() => Tls.CertificateStore.Check(this);
}
