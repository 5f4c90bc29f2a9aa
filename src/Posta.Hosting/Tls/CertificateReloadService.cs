using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Posta.Hosting.Tls;

/// <summary>
/// Watches the configured certificate files and has the store re-read them: at once on a change
/// notification, and every <see cref="TlsOptions.ReloadCheckInterval"/> in case one was missed.
/// </summary>
internal sealed class CertificateReloadService(CertificateStore store, HostingOptions options, ILoggerFactory loggers) : BackgroundService
{
    // A renewal writes the chain and the key one after the other; reading between the two would
    // report a mismatch that resolves itself a moment later.
    private static readonly TimeSpan SettleDelay = TimeSpan.FromMilliseconds(300);

    private readonly ILogger _logger = loggers.CreateLogger("Posta.Hosting.Tls");
    private readonly SemaphoreSlim _changed = new(0, 1);

    public override void Dispose()
    {
        _changed.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Tls.Certificates.Count == 0)
        {
            return;
        }

        var watchers = StartWatchers();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (await _changed.WaitAsync(options.Tls.ReloadCheckInterval, stoppingToken))
                {
                    await Task.Delay(SettleDelay, stoppingToken);
                    _changed.Wait(0);
                }

                store.CheckForChanges();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            foreach (var watcher in watchers)
            {
                watcher.Dispose();
            }
        }
    }

    private List<FileSystemWatcher> StartWatchers()
    {
        var directories = new HashSet<string>(StringComparer.Ordinal);
        foreach (var files in options.Tls.Certificates)
        {
            foreach (var path in new[] { files.CertificatePath, files.KeyPath })
            {
                AddDirectoryOf(directories, Path.GetFullPath(path));

                // certbot's live/ links point into archive/, where renewals add new files.
                try
                {
                    if (File.ResolveLinkTarget(path, returnFinalTarget: true) is { } target)
                    {
                        AddDirectoryOf(directories, target.FullName);
                    }
                }
                catch (IOException)
                {
                    // A dangling or looping link is reported when the file is loaded.
                }
            }
        }

        var watchers = new List<FileSystemWatcher>();
        foreach (var directory in directories)
        {
            try
            {
                var watcher = new FileSystemWatcher(directory)
                {
                    NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
                    IncludeSubdirectories = false,
                };
                watcher.Changed += (_, _) => Signal();
                watcher.Created += (_, _) => Signal();
                watcher.Deleted += (_, _) => Signal();
                watcher.Renamed += (_, _) => Signal();
                watcher.EnableRaisingEvents = true;
                watchers.Add(watcher);
            }
            catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException)
            {
                Log.WatcherUnavailable(_logger, directory, options.Tls.ReloadCheckInterval, ex.Message);
            }
        }

        return watchers;
    }

    private static void AddDirectoryOf(HashSet<string> directories, string path)
    {
        if (Path.GetDirectoryName(path) is { Length: > 0 } directory && Directory.Exists(directory))
        {
            directories.Add(directory);
        }
    }

    private void Signal()
    {
        try
        {
            _changed.Release();
        }
        catch (SemaphoreFullException)
        {
            // A reload is already pending.
        }
        catch (ObjectDisposedException)
        {
            // Stopped.
        }
    }
}
