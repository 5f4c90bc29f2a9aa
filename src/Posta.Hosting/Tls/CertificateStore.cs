using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Posta.Hosting.Tls;

/// <summary>
/// The server certificates: loaded at startup (a bad file stops the start with a message naming
/// it), selected by SNI per handshake, replaced when their files change.
/// </summary>
internal sealed class CertificateStore(HostingOptions options, TimeProvider time, ILoggerFactory loggers)
{
    // Warn this long before expiry: Let's Encrypt renews at 30 days left, so a certificate this
    // close to its end means renewal is failing.
    private static readonly TimeSpan ExpiryWarning = TimeSpan.FromDays(14);

    private readonly ILogger _logger = loggers.CreateLogger("Posta.Hosting.Tls");
    private readonly Lock _gate = new();
    private CertificateEntry[] _entries = [];
    private CertificateSet? _current;

    public CertificateSet Current =>
        Volatile.Read(ref _current) ?? throw new InvalidOperationException("certificates are not loaded yet");

    public bool IsLoaded => Volatile.Read(ref _current) is not null;

    public ServerCertificate Select(string? serverName) => Current.Select(serverName);

    /// <summary>Loads every configured certificate, or the self-signed one; idempotent.</summary>
    /// <exception cref="CertificateLoadException">A configured file is missing, unreadable or invalid.</exception>
    public void EnsureLoaded()
    {
        if (IsLoaded)
        {
            return;
        }

        lock (_gate)
        {
            if (_current is not null)
            {
                return;
            }

            _entries = options.Tls.Certificates.Count == 0
                ? [LoadSelfSigned()]
                : [.. options.Tls.Certificates.Select(LoadConfigured)];
            Volatile.Write(ref _current, new CertificateSet([.. _entries.Select(entry => entry.Certificate)]));
        }
    }

    /// <summary>
    /// Re-reads every configured file and swaps in a new set if any content changed and loads.
    /// Content that fails keeps the previous certificate and is reported once.
    /// </summary>
    public bool CheckForChanges()
    {
        lock (_gate)
        {
            if (_current is null)
            {
                return false;
            }

            var changed = false;
            foreach (var entry in _entries)
            {
                if (entry.Files is { } files)
                {
                    changed |= Refresh(entry, files);
                }
            }

            if (changed)
            {
                Volatile.Write(ref _current, new CertificateSet([.. _entries.Select(entry => entry.Certificate)]));
            }

            return changed;
        }
    }

    private bool Refresh(CertificateEntry entry, CertificateFiles files)
    {
        // A certificate still referenced by an in-flight handshake must stay usable, so replaced
        // certificates are left to the garbage collector rather than disposed here.
        try
        {
            var (certificatePem, keyPem, fingerprint) = Read(files);
            if (fingerprint == entry.Fingerprint || fingerprint == entry.FailedFingerprint)
            {
                return false;
            }

            try
            {
                var certificate = PemCertificateLoader.Load(certificatePem, keyPem, files.CertificatePath, files.KeyPath);
                entry.Certificate = certificate;
                entry.Fingerprint = fingerprint;
                entry.FailedFingerprint = null;
                Log.CertificateReloaded(_logger, files.CertificatePath, certificate.Thumbprint, Names(certificate), certificate.Leaf.NotAfter.ToUniversalTime());
                WarnIfExpiring(certificate, files.CertificatePath);
                return true;
            }
            catch (CertificateLoadException ex)
            {
                entry.FailedFingerprint = fingerprint;
                Log.CertificateReloadFailed(_logger, files.CertificatePath, entry.Certificate.Thumbprint, ex.Message);
                return false;
            }
        }
        catch (CertificateLoadException ex)
        {
            // Unreadable (say, mid-rename): report each distinct problem once.
            var marker = "unreadable:" + ex.Message;
            if (entry.FailedFingerprint != marker)
            {
                entry.FailedFingerprint = marker;
                Log.CertificateReloadFailed(_logger, files.CertificatePath, entry.Certificate.Thumbprint, ex.Message);
            }

            return false;
        }
    }

    private CertificateEntry LoadConfigured(CertificateFiles files)
    {
        var (certificatePem, keyPem, fingerprint) = Read(files);
        var certificate = PemCertificateLoader.Load(certificatePem, keyPem, files.CertificatePath, files.KeyPath);
        Log.CertificateLoaded(_logger, certificate.Thumbprint, Names(certificate), files.CertificatePath, certificate.Leaf.NotAfter.ToUniversalTime());
        WarnIfExpiring(certificate, files.CertificatePath);
        return new CertificateEntry(files, certificate, fingerprint);
    }

    private CertificateEntry LoadSelfSigned()
    {
        var hostname = options.Hostname;
        var now = time.GetUtcNow();
        var directory = options.Tls.SelfSignedDirectory;
        if (directory is null)
        {
            var (pem, key) = SelfSignedCertificate.Create(hostname, now);
            Log.SelfSignedInMemory(_logger, hostname);
            return new CertificateEntry(null, PemCertificateLoader.Load(pem, key, "(self-signed)", "(self-signed)"), string.Empty);
        }

        var files = new CertificateFiles(
            Path.Combine(directory, SelfSignedCertificate.CertificateFileName),
            Path.Combine(directory, SelfSignedCertificate.KeyFileName));
        if (File.Exists(files.CertificatePath) && File.Exists(files.KeyPath))
        {
            try
            {
                var (pem, key, fingerprint) = Read(files);
                var existing = PemCertificateLoader.Load(pem, key, files.CertificatePath, files.KeyPath);
                if (SelfSignedCertificate.IsReusable(existing, hostname, now))
                {
                    Log.SelfSignedReused(_logger, files.CertificatePath, hostname, existing.Leaf.NotAfter.ToUniversalTime());
                    return new CertificateEntry(null, existing, fingerprint);
                }

                Log.SelfSignedReplaced(_logger, files.CertificatePath, $"it expires {existing.Leaf.NotAfter.ToUniversalTime():u} or does not name {hostname}");
            }
            catch (CertificateLoadException ex)
            {
                Log.SelfSignedReplaced(_logger, files.CertificatePath, ex.Message);
            }
        }

        var (certificatePem, keyPem) = SelfSignedCertificate.Create(hostname, now);
        try
        {
            SelfSignedCertificate.Write(directory, certificatePem, keyPem);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CertificateLoadException(directory, $"cannot write the self-signed certificate: {ex.Message}", ex);
        }

        Log.SelfSignedGenerated(_logger, hostname, directory);
        var created = PemCertificateLoader.Load(certificatePem, keyPem, files.CertificatePath, files.KeyPath);
        return new CertificateEntry(null, created, Fingerprint(Encoding.ASCII.GetBytes(certificatePem), Encoding.ASCII.GetBytes(keyPem)));
    }

    private void WarnIfExpiring(ServerCertificate certificate, string path)
    {
        var notAfter = certificate.Leaf.NotAfter.ToUniversalTime();
        if (notAfter - time.GetUtcNow().UtcDateTime < ExpiryWarning)
        {
            Log.CertificateExpiring(_logger, certificate.Thumbprint, Names(certificate), path, notAfter);
        }
    }

    /// <summary>Loads and discards; see <see cref="CertificateFiles.Check"/>.</summary>
    internal static void Check(CertificateFiles files)
    {
        var (certificatePem, keyPem, _) = Read(files);
        PemCertificateLoader.Load(certificatePem, keyPem, files.CertificatePath, files.KeyPath).Leaf.Dispose();
    }

    private static (string CertificatePem, string KeyPem, string Fingerprint) Read(CertificateFiles files)
    {
        var certificate = ReadFile(files.CertificatePath);
        var key = ReadFile(files.KeyPath);
        return (Encoding.UTF8.GetString(certificate), Encoding.UTF8.GetString(key), Fingerprint(certificate, key));
    }

    /// <summary>
    /// Content, not timestamps: Let's Encrypt's live/ files are symlinks into archive/, and a
    /// renewal changes where they point rather than the files' own mtime.
    /// </summary>
    private static string Fingerprint(byte[] certificate, byte[] key)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(certificate);
        hash.AppendData([0]);
        hash.AppendData(key);
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static byte[] ReadFile(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CertificateLoadException(path, "file not found", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new CertificateLoadException(path, "permission denied: the server's user must be able to read it", ex);
        }
        catch (IOException ex)
        {
            throw new CertificateLoadException(path, $"cannot read: {ex.Message}", ex);
        }
    }

    private static string Names(ServerCertificate certificate) => string.Join(", ", certificate.DnsNames);
}
