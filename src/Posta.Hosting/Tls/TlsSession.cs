using System.IO.Pipelines;
using System.Net.Security;

namespace Posta.Hosting.Tls;

/// <summary>The TLS layer over a connection: the stream and the pipes handlers use on top of it.</summary>
internal sealed class TlsSession : IDuplexPipe, IAsyncDisposable
{
    private readonly SslStream _stream;

    public TlsSession(SslStream stream, PostaTlsFeature feature)
    {
        _stream = stream;
        Feature = feature;
        Input = PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true));
        Output = PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true));
    }

    public PostaTlsFeature Feature { get; }

    public PipeReader Input { get; }

    public PipeWriter Output { get; }

    /// <summary>Flushes what the handler left, sends close_notify, and releases the stream.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await Output.CompleteAsync();
            await Input.CompleteAsync();
            await _stream.ShutdownAsync();
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // The peer is gone or the connection was aborted: nothing left to say.
        }
        finally
        {
            await _stream.DisposeAsync();
        }
    }
}
