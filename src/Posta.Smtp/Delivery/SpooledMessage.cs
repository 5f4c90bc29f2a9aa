using System.Buffers;

namespace Posta.Smtp.Delivery;

/// <summary>
/// Message content on its way in: an owner-only temporary file, removed when disposed, so a
/// message is never held in memory however large it is.
/// </summary>
public sealed class SpooledMessage : IAsyncDisposable
{
    private readonly FileStream _file;

    private SpooledMessage(FileStream file) => _file = file;

    /// <summary>Octets written so far.</summary>
    public long Length => _file.Length;

    /// <summary>Creates an empty spool file in <paramref name="directory"/> (created owner-only when missing).</summary>
    public static SpooledMessage Create(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
            Options = FileOptions.Asynchronous | FileOptions.DeleteOnClose,
            BufferSize = 64 * 1024,
        };
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(directory);
        }
        else
        {
            System.IO.Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        var path = Path.Combine(directory, "spool-" + Guid.NewGuid().ToString("N") + ".tmp");
        return new SpooledMessage(new FileStream(path, options));
    }

    /// <summary>Appends bytes.</summary>
    public ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken = default) =>
        _file.WriteAsync(bytes, cancellationToken);

    /// <summary>Appends every segment of <paramref name="bytes"/>.</summary>
    public async ValueTask WriteAsync(ReadOnlySequence<byte> bytes, CancellationToken cancellationToken = default)
    {
        foreach (var segment in bytes)
        {
            await _file.WriteAsync(segment, cancellationToken);
        }
    }

    /// <summary>
    /// The whole content for reading, from its start. The spool is not fsync'd: the store makes
    /// its own copy durable before delivery is acknowledged.
    /// </summary>
    public async ValueTask<Stream> OpenForReadingAsync(CancellationToken cancellationToken = default)
    {
        await _file.FlushAsync(cancellationToken);
        _file.Position = 0;
        return _file;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _file.DisposeAsync();
}
