namespace Posta.Hosting;

/// <summary>
/// A certificate or key file could not be used. The message names the file and says what is
/// wrong with it.
/// </summary>
public sealed class CertificateLoadException : Exception
{
    /// <summary>Creates the exception with a message naming no file.</summary>
    public CertificateLoadException()
        : base("a certificate could not be loaded")
    {
        Path = string.Empty;
    }

    /// <summary>Creates the exception with a message naming no file.</summary>
    public CertificateLoadException(string message)
        : base(message)
    {
        Path = string.Empty;
    }

    /// <summary>Creates the exception with a message naming no file.</summary>
    public CertificateLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
        Path = string.Empty;
    }

    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    public CertificateLoadException(string path, string problem, Exception? innerException = null)
        : base($"tls: {path}: {problem}", innerException)
    {
        Path = path;
    }

    /// <summary>The file at fault.</summary>
    public string Path { get; }
}
