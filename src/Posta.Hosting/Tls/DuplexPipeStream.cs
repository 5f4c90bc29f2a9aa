using System.Buffers;
using System.IO.Pipelines;

namespace Posta.Hosting.Tls;

/// <summary>
/// The connection's pipes seen as a <see cref="Stream"/>, for <see cref="System.Net.Security.SslStream"/>
/// to run on. Disposing it leaves the pipes to Kestrel, which owns them.
/// </summary>
internal sealed class DuplexPipeStream(IDuplexPipe transport) : Stream
{
    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var input = transport.Input;
        var result = await input.ReadAsync(cancellationToken);
        if (result.IsCanceled)
        {
            input.AdvanceTo(result.Buffer.Start);
            throw new OperationCanceledException("The read was cancelled.");
        }

        var available = result.Buffer;
        if (available.IsEmpty)
        {
            input.AdvanceTo(available.End);
            return 0;
        }

        var length = (int)Math.Min(available.Length, buffer.Length);
        var slice = available.Slice(0, length);
        slice.CopyTo(buffer.Span);
        input.AdvanceTo(slice.End);
        return length;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        await transport.Output.WriteAsync(buffer, cancellationToken);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async Task FlushAsync(CancellationToken cancellationToken) =>
        await transport.Output.FlushAsync(cancellationToken);

    // SslStream is only driven through the async methods; the synchronous ones exist for the
    // Stream contract.
    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Write(byte[] buffer, int offset, int count) =>
        WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush() => FlushAsync(CancellationToken.None).GetAwaiter().GetResult();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
