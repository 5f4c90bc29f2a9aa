using System.Buffers;
using System.IO.Pipelines;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using Posta.Smtp.Protocol.Replies;

namespace Posta.Smtp.Outbound.Client;

/// <summary>
/// The client's side of the wire: replies read through a <see cref="PipeReader"/> and
/// <see cref="SmtpReplyParser"/> (limits enforced before a line is decoded), commands buffered
/// and written in one go (a pipelined group is one write), every read and write under its
/// timeout. I/O failures become <see cref="SmtpProtocolException"/>, expired timeouts
/// <see cref="SmtpTimeoutException"/>; the caller's own cancellation stays an
/// <see cref="OperationCanceledException"/>.
/// </summary>
internal sealed class ClientConnection : IAsyncDisposable
{
    // A reply line is at most a few KiB; the pipe grows for a long multi-line reply.
    private static readonly StreamPipeReaderOptions ReaderOptions = new(bufferSize: 4096, minimumReadSize: 1024, leaveOpen: true);

    private readonly SmtpReplyParser _parser;
    private readonly ArrayBufferWriter<byte> _commands = new(1024);
    private Stream _stream;
    private PipeReader _reader;

    public ClientConnection(Stream stream, SmtpReplyParser parser)
    {
        _stream = stream;
        _parser = parser;
        _reader = PipeReader.Create(stream, ReaderOptions);

        // Implicit TLS: the caller already ran the handshake.
        if (stream is SslStream { IsAuthenticated: true } tls)
        {
            NoteTls(tls);
        }
    }

    /// <summary>True after <see cref="StartTlsAsync"/>.</summary>
    public bool IsEncrypted { get; private set; }

    /// <summary>The protocol TLS negotiated, kept after the connection closes; <see cref="SslProtocols.None"/> in the clear.</summary>
    public SslProtocols TlsProtocol { get; private set; }

    /// <summary>The cipher suite TLS negotiated; meaningful only when <see cref="IsEncrypted"/>.</summary>
    public TlsCipherSuite TlsCipherSuite { get; private set; }

    /// <summary>Reads one complete reply.</summary>
    /// <param name="waitingFor">What the reply answers, for error messages ("the reply to MAIL FROM").</param>
    /// <param name="timeout">How long the whole reply may take.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    public async ValueTask<SmtpReply> ReadReplyAsync(string waitingFor, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = Timer(timeout, cancellationToken);
        try
        {
            while (true)
            {
                var result = await _reader.ReadAsync(timer.Token);
                var buffer = result.Buffer;
                var reader = new SequenceReader<byte>(buffer);
                switch (_parser.TryParse(ref reader, out var reply, out var error))
                {
                    case OperationStatus.Done:
                        _reader.AdvanceTo(reader.Position);
                        return reply!;
                    case OperationStatus.InvalidData:
                        _reader.AdvanceTo(buffer.Start);
                        throw new SmtpProtocolException($"The server sent something that is not a reply ({error}) as {waitingFor}.", error);
                }

                _reader.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted)
                {
                    throw new SmtpProtocolException($"The server closed the connection before {waitingFor}.");
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SmtpTimeoutException(waitingFor, timeout);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            throw new SmtpProtocolException($"The connection failed while waiting for {waitingFor}: {e.Message}", innerException: e);
        }
    }

    /// <summary>Adds a command line (CRLF included) to what <see cref="FlushAsync"/> writes next.</summary>
    public void Buffer(ReadOnlySpan<byte> line) => _commands.Write(line);

    /// <summary>Writes the buffered commands in one write.</summary>
    public async ValueTask FlushAsync(string doing, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await WriteAsync(_commands.WrittenMemory, doing, timeout, cancellationToken);
        }
        finally
        {
            _commands.ResetWrittenCount();
        }
    }

    /// <summary>Writes <paramref name="data"/> and flushes it.</summary>
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, string doing, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = Timer(timeout, cancellationToken);
        try
        {
            await _stream.WriteAsync(data, timer.Token);
            await _stream.FlushAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SmtpTimeoutException(doing, timeout);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            throw new SmtpProtocolException($"The connection failed during {doing}: {e.Message}", innerException: e);
        }
    }

    /// <summary>
    /// After the server's 220 to STARTTLS: refuses input the server sent beyond that reply (it
    /// came before TLS and could be injected, RFC 3207 §6 — the client-side twin of the server's
    /// duty to discard), then runs the TLS handshake and reads through TLS from then on.
    /// </summary>
    /// <exception cref="AuthenticationException">The handshake failed (certificate not trusted, no common protocol).</exception>
    public async Task StartTlsAsync(SslClientAuthenticationOptions options, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_reader.TryRead(out var pending))
        {
            var injected = !pending.Buffer.IsEmpty;
            _reader.AdvanceTo(pending.Buffer.Start);
            if (injected)
            {
                throw new SmtpProtocolException("The server sent data after its 220 reply to STARTTLS, before TLS began.");
            }
        }

        await _reader.CompleteAsync();
        var tls = new SslStream(_stream, leaveInnerStreamOpen: false);
        _stream = tls;
        _reader = PipeReader.Create(tls, ReaderOptions);
        using var timer = Timer(timeout, cancellationToken);
        try
        {
            await tls.AuthenticateAsClientAsync(options, timer.Token);
            NoteTls(tls);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SmtpTimeoutException("the TLS handshake", timeout);
        }
        catch (Exception e) when (e is IOException or SocketException)
        {
            throw new SmtpProtocolException($"The connection failed during the TLS handshake: {e.Message}", innerException: e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _reader.CompleteAsync();
        await _stream.DisposeAsync();
    }

    private void NoteTls(SslStream tls)
    {
        IsEncrypted = true;
        TlsProtocol = tls.SslProtocol;
        TlsCipherSuite = tls.NegotiatedCipherSuite;
    }

    private static CancellationTokenSource Timer(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        return timer;
    }
}
