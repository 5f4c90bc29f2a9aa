using System.Runtime.InteropServices;

namespace Posta.Storage.Blobs;

/// <summary>
/// The POSIX calls .NET does not expose: hard links (create-if-absent without overwriting, keeping the
/// source) and fsync of a directory (so a new directory entry survives power loss).
/// </summary>
internal static partial class NativeMethods
{
    public const int EINTR = 4;
    public const int EEXIST = 17;
    public const int ENOENT = 2;
    private const int ORdOnly = 0;

    public static bool IsPosix => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD();

    /// <summary>Creates <paramref name="newPath"/> as a second name of <paramref name="existingPath"/>.</summary>
    /// <returns>False when <paramref name="newPath"/> exists.</returns>
    public static bool TryLink(string existingPath, string newPath)
    {
        if (Link(existingPath, newPath) == 0)
        {
            return true;
        }

        var errno = Marshal.GetLastPInvokeError();
        if (errno == EEXIST)
        {
            return false;
        }

        throw new IOException($"link(\"{existingPath}\", \"{newPath}\") failed: errno {errno}.");
    }

    /// <summary>fsyncs a directory so the entries created in it are durable.</summary>
    public static void FsyncDirectory(string path)
    {
        var fd = Open(path, ORdOnly);
        if (fd < 0)
        {
            throw new IOException($"open(\"{path}\") failed: errno {Marshal.GetLastPInvokeError()}.");
        }

        try
        {
            while (Fsync(fd) != 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                if (errno != EINTR)
                {
                    throw new IOException($"fsync(\"{path}\") failed: errno {errno}.");
                }
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Link(string existingPath, string newPath);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
