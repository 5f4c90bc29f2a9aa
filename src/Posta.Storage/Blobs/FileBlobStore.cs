using System.Buffers;
using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Posta.Storage.Blobs;

/// <summary>
/// Blobs as files named by their SHA-256 under <c>blobs/ab/cd/abcd…</c>. A put streams into a temporary
/// file while hashing, fsyncs it, then links it under its final name (an existing file means the
/// content is stored already and is left untouched) and fsyncs the directory. Puts run concurrently;
/// nothing serialises their fsyncs.
/// </summary>
internal sealed class FileBlobStore : IBlobStore, IDisposable
{
    // Enough fsyncs in flight for a burst of deliveries to share journal commits; each idle thread
    // costs only its stack.
    private const int SyncThreads = 32;

    // Large enough that a typical message is a handful of reads; small enough to rent per put.
    private const int BufferSize = 64 * 1024;
    private const UnixFileMode DirectoryPermissions = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode FilePermissions = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly string _root;
    private readonly string _temporary;

    // Directories this process has created or found and whose own entry it has fsync'd in the parent,
    // so each directory costs its parent's fsync once per process, not once per put.
    private readonly ConcurrentDictionary<string, byte> _durableDirectories = new(StringComparer.Ordinal);
    private readonly SyncWorkers _syncWorkers;
    private long _created;
    private long _deduplicated;
    private long _released;

    public FileBlobStore(string root)
    {
        _root = Path.GetFullPath(root);
        _temporary = Path.Combine(_root, "tmp");
        EnsureDurableDirectory(_temporary);
        _syncWorkers = new SyncWorkers(SyncThreads);
    }

    public long Created => Interlocked.Read(ref _created);

    public long Deduplicated => Interlocked.Read(ref _deduplicated);

    public long Released => Interlocked.Read(ref _released);

    public async ValueTask<StagedBlob> PutAsync(Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var temporaryPath = Path.Combine(_temporary, Guid.NewGuid().ToString("N"));
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long length = 0;
            BlobHash hash;
            var created = false;
            await using (var file = new FileStream(temporaryPath, NewFileOptions()))
            {
                int read;
                while ((read = await content.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
                {
                    sha256.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    length += read;
                }

                hash = BlobHash.FromDigest(sha256.GetHashAndReset());
                await _syncWorkers.RunAsync(() =>
                {
                    file.Flush(flushToDisk: true);
                    created = Publish(temporaryPath, PathOf(hash));
                });
            }

            Interlocked.Increment(ref created ? ref _created : ref _deduplicated);
            return new FileStagedBlob(this, hash, length, created, temporaryPath);
        }
        catch
        {
            File.Delete(temporaryPath);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public ValueTask<Stream> OpenReadAsync(BlobHash hash, CancellationToken cancellationToken = default)
    {
        try
        {
            Stream stream = new FileStream(
                PathOf(hash),
                FileMode.Open,
                FileAccess.Read,
                FileShare.Read | FileShare.Delete,
                BufferSize,
                FileOptions.Asynchronous | FileOptions.SequentialScan);
            return ValueTask.FromResult(stream);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return ValueTask.FromException<Stream>(new BlobNotFoundException($"Blob {hash} is missing from the blob store."));
        }
    }

    public bool Exists(BlobHash hash) => File.Exists(PathOf(hash));

    public void Release(BlobHash hash)
    {
        var path = PathOf(hash);
        if (File.Exists(path))
        {
            File.Delete(path);
            Interlocked.Increment(ref _released);
        }
    }

    public void Dispose() => _syncWorkers.Dispose();

    /// <summary>Puts a blob's file back from a staged blob's spare link if it has gone.</summary>
    internal void Restore(BlobHash hash, string sparePath)
    {
        var path = PathOf(hash);
        if (!File.Exists(path))
        {
            Publish(sparePath, path);
        }
    }

    /// <summary>Removes temporary files left by a crash; younger ones may belong to a put in progress.</summary>
    internal void SweepTemporaryFiles(TimeSpan olderThan, DateTimeOffset now)
    {
        foreach (var file in new DirectoryInfo(_temporary).EnumerateFiles())
        {
            if (file.LastWriteTimeUtc < now.UtcDateTime - olderThan)
            {
                file.Delete();
            }
        }
    }

    internal string PathOf(BlobHash hash)
    {
        var hex = hash.Hex;
        return Path.Combine(_root, hex[..2], hex[2..4], hex);
    }

    /// <summary>
    /// Gives a durable temporary file its final name without ever replacing an existing file, and keeps
    /// the temporary name. Returns false when the final name exists (the same content is stored).
    /// </summary>
    private bool Publish(string temporaryPath, string finalPath)
    {
        var directory = Path.GetDirectoryName(finalPath)!;
        EnsureDurableDirectory(directory);
        if (NativeMethods.IsPosix)
        {
            if (!NativeMethods.TryLink(temporaryPath, finalPath))
            {
                return false;
            }

            NativeMethods.FsyncDirectory(directory);
            return true;
        }

        return PublishByCopy(temporaryPath, finalPath);
    }

    // Without hard links: copy to a second temporary file, make it durable, then move it into place,
    // which fails rather than overwrite when the name exists.
    private bool PublishByCopy(string temporaryPath, string finalPath)
    {
        if (File.Exists(finalPath))
        {
            return false;
        }

        var copy = temporaryPath + ".copy";
        File.Copy(temporaryPath, copy, overwrite: true);
        using (var stream = new FileStream(copy, FileMode.Open, FileAccess.ReadWrite))
        {
            stream.Flush(flushToDisk: true);
        }

        try
        {
            File.Move(copy, finalPath, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(finalPath))
        {
            File.Delete(copy);
            return false;
        }
    }

    private void EnsureDurableDirectory(string directory)
    {
        if (_durableDirectories.ContainsKey(directory))
        {
            return;
        }

        var parent = Path.GetDirectoryName(directory)!;
        if (!string.Equals(directory, _root, StringComparison.Ordinal))
        {
            EnsureDurableDirectory(parent);
        }

        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(directory);
        }
        else
        {
            System.IO.Directory.CreateDirectory(directory, DirectoryPermissions);
            NativeMethods.FsyncDirectory(parent);
        }

        _durableDirectories.TryAdd(directory, 0);
    }

    private static FileStreamOptions NewFileOptions()
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,

            // The copy loop writes whole buffers; a FileStream buffer would only copy them again.
            BufferSize = 0,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FilePermissions;
        }

        return options;
    }
}
