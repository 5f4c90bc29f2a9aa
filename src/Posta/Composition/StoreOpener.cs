using Posta.Cli;
using Posta.Configuration;
using Posta.Storage;

namespace Posta.Composition;

/// <summary>Opens the store the settings point at, turning failures into one clear line.</summary>
internal static class StoreOpener
{
    public static async Task<IStore> OpenAsync(PostaSettings settings, CancellationToken cancellationToken)
    {
        var data = Path.GetFullPath(settings.DataDirectory);
        try
        {
            System.IO.Directory.CreateDirectory(data);
            return await StoreFactory.OpenAsync(new StoreOptions { DataDirectory = data, DefaultQuotaBytes = settings.DefaultQuotaBytes }, cancellationToken);
        }
        catch (Exception e) when (e is StorageException or IOException or UnauthorizedAccessException)
        {
            throw new StartupException($"cannot open the data directory {data} (setting data / --data): {e.Message}", e);
        }
    }
}
