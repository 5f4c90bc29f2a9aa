using System.Buffers;

namespace Posta.Smtp.Delivery;

/// <summary>
/// Message content on its way in: held in memory up to <see cref="MemoryLimit"/>, beyond that in an
/// owner-only temporary file that is removed when disposed, so a large message is never held in
/// memory. Never the durable copy: the store or the queue makes its own before anything is
/// acknowledged.
/// </summary>
public sealed class SpooledMessage : IAsyncDisposable
{
    /// <summary>
    /// 256 KiB: most mail is far smaller (the SMTP benchmark's 10 KB messages), so the usual message
    /// costs no file creation; 20 concurrent sessions hold at most 5 MiB this way.
    /// </summary>
    public const int MemoryLimit = 256 * 1024;

    private readonly string _directory;
    private MemoryStream? _memory = new();
    private FileStream? _file;

    private SpooledMessage(string directory) => _directory = directory;

    /// <summary>Octets written so far.</summary>
    public long Length => _file?.Length ?? _memory!.Length;

    /// <summary>True once the content outgrew memory and went to a file.</summary>
    public bool IsOnDisk => _file is not null;

    /// <summary>A spool whose overflow file, if it needs one, goes to <paramref name="directory"/> (created owner-only when missing).</summary>
    public static SpooledMessage Create(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        return new SpooledMessage(directory);
    }

    /// <summary>Appends bytes.</summary>
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken = default)
    {
        if (_memory is { } memory)
        {
            if (memory.Length + bytes.Length <= MemoryLimit)
            {
                memory.Write(bytes.Span);
                return;
            }

            await SpillAsync(memory, cancellationToken);
        }

        await _file!.WriteAsync(bytes, cancellationToken);
    }

    /// <summary>Appends every segment of <paramref name="bytes"/>.</summary>
    public async ValueTask WriteAsync(ReadOnlySequence<byte> bytes, CancellationToken cancellationToken = default)
    {
        foreach (var segment in bytes)
        {
            await WriteAsync(segment, cancellationToken);
        }
    }

    /// <summary>The whole content for reading, from its start. Each call starts over.</summary>
    public async ValueTask<Stream> OpenForReadingAsync(CancellationToken cancellationToken = default)
    {
        if (_memory is { } memory)
        {
            memory.Position = 0;
            return memory;
        }

        await _file!.FlushAsync(cancellationToken);
        _file.Position = 0;
        return _file;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _memory = null;
        if (_file is not null)
        {
            await _file.DisposeAsync();
        }
    }

    private async ValueTask SpillAsync(MemoryStream memory, CancellationToken cancellationToken)
    {
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
            System.IO.Directory.CreateDirectory(_directory);
        }
        else
        {
            System.IO.Directory.CreateDirectory(_directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        var path = Path.Combine(_directory, "spool-" + Guid.NewGuid().ToString("N") + ".tmp");
        _file = new FileStream(path, options);
        await _file.WriteAsync(memory.GetBuffer().AsMemory(0, (int)memory.Length), cancellationToken);
        _memory = null;
    }
}
