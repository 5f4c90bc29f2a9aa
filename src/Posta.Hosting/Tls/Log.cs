using Microsoft.Extensions.Logging;

namespace Posta.Hosting.Tls;

/// <summary>TLS and certificate events, ids 200-299.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 200, EventName = "CertificateLoaded", Level = LogLevel.Information,
        Message = "loaded certificate {Thumbprint} for {Names} from {Path}, valid until {NotAfter:u}")]
    public static partial void CertificateLoaded(ILogger logger, string thumbprint, string names, string path, DateTime notAfter);

    [LoggerMessage(EventId = 201, EventName = "CertificateReloaded", Level = LogLevel.Information,
        Message = "{Path} changed: new connections get certificate {Thumbprint} for {Names}, valid until {NotAfter:u}")]
    public static partial void CertificateReloaded(ILogger logger, string path, string thumbprint, string names, DateTime notAfter);

    [LoggerMessage(EventId = 202, EventName = "CertificateReloadFailed", Level = LogLevel.Error,
        Message = "{Path} changed but cannot be used, keeping certificate {Thumbprint}: {Problem}")]
    public static partial void CertificateReloadFailed(ILogger logger, string path, string thumbprint, string problem);

    [LoggerMessage(EventId = 203, EventName = "SelfSignedGenerated", Level = LogLevel.Warning,
        Message = "no TLS certificate configured: generated a self-signed certificate for {Hostname} in {Path}. Clients will warn about it; configure tls.certificates with your certificate (Let's Encrypt: fullchain.pem and privkey.pem)")]
    public static partial void SelfSignedGenerated(ILogger logger, string hostname, string path);

    [LoggerMessage(EventId = 204, EventName = "SelfSignedReused", Level = LogLevel.Warning,
        Message = "no TLS certificate configured: using the self-signed certificate {Path} for {Hostname}, valid until {NotAfter:u}. Configure tls.certificates with a real certificate")]
    public static partial void SelfSignedReused(ILogger logger, string path, string hostname, DateTime notAfter);

    [LoggerMessage(EventId = 205, EventName = "SelfSignedInMemory", Level = LogLevel.Warning,
        Message = "no TLS certificate and no directory for a self-signed one configured: using a temporary self-signed certificate for {Hostname}, different at every start")]
    public static partial void SelfSignedInMemory(ILogger logger, string hostname);

    [LoggerMessage(EventId = 206, EventName = "SelfSignedReplaced", Level = LogLevel.Information,
        Message = "replacing the self-signed certificate {Path}: {Reason}")]
    public static partial void SelfSignedReplaced(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 207, EventName = "CertificateExpiring", Level = LogLevel.Warning,
        Message = "certificate {Thumbprint} for {Names} from {Path} expires {NotAfter:u}; renew it")]
    public static partial void CertificateExpiring(ILogger logger, string thumbprint, string names, string path, DateTime notAfter);

    [LoggerMessage(EventId = 208, EventName = "WatcherUnavailable", Level = LogLevel.Warning,
        Message = "cannot watch {Directory} for certificate changes, relying on the check every {Interval}: {Problem}")]
    public static partial void WatcherUnavailable(ILogger logger, string directory, TimeSpan interval, string problem);

    [LoggerMessage(EventId = 209, EventName = "TlsHandshakeFailed", Level = LogLevel.Debug,
        Message = "{Listener}: TLS handshake with {RemoteEndPoint} failed: {Problem}")]
    public static partial void TlsHandshakeFailed(ILogger logger, string listener, System.Net.EndPoint? remoteEndPoint, string problem);

    [LoggerMessage(EventId = 210, EventName = "TlsEstablished", Level = LogLevel.Debug,
        Message = "{Listener}: {Protocol} with {CipherSuite}, SNI {ServerName}, certificate {Thumbprint}")]
    public static partial void TlsEstablished(ILogger logger, string listener, System.Security.Authentication.SslProtocols protocol, System.Net.Security.TlsCipherSuite cipherSuite, string? serverName, string thumbprint);

    [LoggerMessage(EventId = 211, EventName = "InputDiscardedBeforeTls", Level = LogLevel.Warning,
        Message = "{Listener}: discarded {Length} bytes the client sent before the TLS handshake (RFC 3207 §4.2; command injection, CVE-2011-0411)")]
    public static partial void InputDiscardedBeforeTls(ILogger logger, string listener, long length);
}
