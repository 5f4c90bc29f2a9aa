using Microsoft.Extensions.Hosting;
using Posta.Hosting.Listening;

namespace Posta.Hosting.Tls;

/// <summary>
/// Loads the certificates as the host starts, before any hosted service (Kestrel included) binds a
/// socket, so that an unusable file makes StartAsync fail with a message naming it.
/// </summary>
internal sealed class CertificateStartup(CertificateStore certificates, ServedListeners served) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        if (served.NeedCertificates)
        {
            certificates.EnsureLoaded();
        }

        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
