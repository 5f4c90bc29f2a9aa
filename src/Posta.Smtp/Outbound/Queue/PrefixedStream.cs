namespace Posta.Smtp.Outbound.Queue;

/// <summary>
/// A read-only, forward-only stream of some bytes followed by another stream: header fields put on
/// top of stored content without copying it. Disposing it disposes the inner stream.
/// </summary>
internal sealed class PrefixedStream(IReadOnlyList<ReadOnlyMemory<byte>> prefix, Stream inner) : Stream
{
    private int _segment;
    private int _offset;
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (TryReadPrefix(buffer, out var copied))
        {
            return copied;
        }

        var read = inner.Read(buffer);
        _position += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (TryReadPrefix(buffer.Span, out var copied))
        {
            return copied;
        }

        var read = await inner.ReadAsync(buffer, cancellationToken);
        _position += read;
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override ValueTask DisposeAsync() => inner.DisposeAsync();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Copies from the prefix while some is left; false once it is used up (or the buffer is empty).</summary>
    private bool TryReadPrefix(Span<byte> buffer, out int copied)
    {
        copied = 0;
        while (_segment < prefix.Count && copied < buffer.Length)
        {
            var rest = prefix[_segment].Span[_offset..];
            var length = Math.Min(rest.Length, buffer.Length - copied);
            rest[..length].CopyTo(buffer[copied..]);
            copied += length;
            _offset += length;
            if (_offset == prefix[_segment].Length)
            {
                _segment++;
                _offset = 0;
            }
        }

        _position += copied;
        return copied > 0;
    }
}
