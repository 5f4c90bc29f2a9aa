using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using Microsoft.Extensions.Logging;
using Posta.Smtp.Protocol.Replies;
using Posta.Smtp.Protocol.State;

namespace Posta.Smtp.Outbound.Client;

/// <summary>
/// One SMTP (RFC 5321) or LMTP (RFC 2033) client connection: greeting, EHLO/LHLO (HELO when an
/// old server refuses EHLO), STARTTLS, any number of mail transactions, QUIT.
/// </summary>
/// <remarks>
/// <para>
/// A session does one thing at a time; a second call while one is running throws
/// <see cref="InvalidOperationException"/>. It owns its stream: disposing the session closes
/// it (without QUIT — call <see cref="QuitAsync"/> first for a polite goodbye).
/// </para>
/// <para>
/// Failures: negative replies inside a transaction are results (<see cref="TransactionResult"/>),
/// everything else an <see cref="SmtpClientException"/> (see its subclasses). After a timeout, a
/// protocol error, a lost connection, a 421, a refused greeting or EHLO, or the caller's
/// cancellation, the session is closed (<see cref="IsConnected"/> is false).
/// </para>
/// </remarks>
public sealed partial class SmtpClientSession : IAsyncDisposable
{
    private readonly ClientConnection _connection;
    private readonly SmtpClientOptions _options;
    private readonly ILogger _logger;
    private int _busy;
    private bool _closed;

    private SmtpClientSession(ClientConnection connection, SmtpClientOptions options)
    {
        _connection = connection;
        _options = options;
        _logger = options.Logger;
    }

    /// <summary>The server's greeting (a 220).</summary>
    public SmtpReply Greeting { get; private set; } = null!;

    /// <summary>What the server offered in its latest EHLO or LHLO reply; <see cref="ServerCapabilities.None"/> after HELO.</summary>
    public ServerCapabilities Capabilities { get; private set; } = ServerCapabilities.None;

    /// <summary>SMTP or LMTP.</summary>
    public SmtpDialect Dialect => _options.Dialect;

    /// <summary>False once the session was closed by QUIT, a failure or disposal; it cannot be used again.</summary>
    public bool IsConnected => !_closed;

    /// <summary>True after a successful <see cref="StartTlsAsync"/>, or over an authenticated <see cref="SslStream"/> (implicit TLS).</summary>
    public bool IsEncrypted => _connection.IsEncrypted;

    /// <summary>The TLS protocol negotiated by <see cref="StartTlsAsync"/>; <see cref="SslProtocols.None"/> in the clear.</summary>
    public SslProtocols TlsProtocol => _connection.TlsProtocol;

    /// <summary>The cipher suite negotiated by <see cref="StartTlsAsync"/>; meaningful only when <see cref="IsEncrypted"/>.</summary>
    public TlsCipherSuite TlsCipherSuite => _connection.TlsCipherSuite;

    /// <summary>
    /// Starts a session over a connected stream (a <see cref="NetworkStream"/>, an
    /// <see cref="SslStream"/> for implicit TLS, a unix socket's stream): reads the greeting and
    /// says EHLO (LHLO for LMTP).
    /// </summary>
    /// <exception cref="SmtpCommandException">The greeting was not 220, or EHLO/LHLO (and HELO) was refused.</exception>
    /// <exception cref="SmtpProtocolException">The server's replies were malformed or the connection failed.</exception>
    /// <exception cref="SmtpTimeoutException">The greeting or the EHLO reply did not come in time.</exception>
    public static async Task<SmtpClientSession> ConnectAsync(Stream stream, SmtpClientOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var parser = new SmtpReplyParser(options.MaxReplyLineLength, options.MaxReplyLines);
        var session = new SmtpClientSession(new ClientConnection(stream, parser), options);
        try
        {
            await session.OpenAsync(cancellationToken);
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Connects to <paramref name="endPoint"/> — an <see cref="IPEndPoint"/>, a
    /// <see cref="DnsEndPoint"/> or a <see cref="UnixDomainSocketEndPoint"/> — within
    /// <see cref="SmtpClientOptions.ConnectTimeout"/>, then as <see cref="ConnectAsync(Stream, SmtpClientOptions, CancellationToken)"/>.
    /// </summary>
    /// <exception cref="SocketException">The connection was refused or the peer is unreachable.</exception>
    /// <exception cref="SmtpTimeoutException">The connection was not established in time.</exception>
    public static async Task<SmtpClientSession> ConnectAsync(EndPoint endPoint, SmtpClientOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var socket = endPoint is UnixDomainSocketEndPoint
            ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
            : new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timer.CancelAfter(options.ConnectTimeout);
            try
            {
                await socket.ConnectAsync(endPoint, timer.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new SmtpTimeoutException($"the connection to {endPoint}", options.ConnectTimeout);
            }
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return await ConnectAsync(new NetworkStream(socket, ownsSocket: true), options, cancellationToken);
    }

    /// <summary>
    /// STARTTLS (RFC 3207), the TLS handshake, then EHLO/LHLO again: everything learnt before TLS
    /// is forgotten (RFC 3207 §4.2), and data the server sent after its 220 is refused rather than
    /// read as if it came through TLS.
    /// </summary>
    /// <exception cref="InvalidOperationException">TLS is already on, or the server did not offer STARTTLS.</exception>
    /// <exception cref="SmtpCommandException">
    /// The server refused STARTTLS (e.g. 454): the session goes on in the clear unless the reply was
    /// 421. Or it refused EHLO after TLS: the session is closed.
    /// </exception>
    /// <exception cref="AuthenticationException">The handshake failed, e.g. the certificate was not trusted; the session is closed.</exception>
    public async Task StartTlsAsync(SslClientAuthenticationOptions tls, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tls);
        Enter();
        try
        {
            if (IsEncrypted)
            {
                throw new InvalidOperationException("TLS is already on.");
            }

            if (!Capabilities.StartTls)
            {
                throw new InvalidOperationException("The server did not offer STARTTLS.");
            }

            var reply = await CommandAsync("STARTTLS", _options.CommandTimeout, cancellationToken);
            if (reply.Code != 220)
            {
                throw new SmtpCommandException("STARTTLS", reply) { KeepsSession = reply.Code != 421 };
            }

            Capabilities = ServerCapabilities.None;
            await _connection.StartTlsAsync(tls, _options.CommandTimeout, cancellationToken);
            Log.TlsStarted(_logger, TlsProtocol.ToString(), TlsCipherSuite.ToString());
            await HelloAsync(afterTls: true, cancellationToken);
        }
        catch (Exception e) when (ClosesSession(e))
        {
            await FailAsync(e);
            throw;
        }
        finally
        {
            Exit();
        }
    }

    /// <summary>QUIT (RFC 5321 §4.1.1.10), then closes the connection whatever the answer.</summary>
    /// <exception cref="SmtpCommandException">The server answered QUIT with something other than 2yz.</exception>
    public async Task QuitAsync(CancellationToken cancellationToken = default)
    {
        Enter();
        try
        {
            var reply = await CommandAsync("QUIT", _options.CommandTimeout, cancellationToken);
            if (!reply.IsPositiveCompletion)
            {
                throw new SmtpCommandException("QUIT", reply);
            }
        }
        finally
        {
            await CloseAsync();
            Exit();
        }
    }

    /// <summary>Closes the connection without QUIT.</summary>
    public ValueTask DisposeAsync() => CloseAsync();

    /// <summary>Whether a failure leaves the session unusable (see the class remarks).</summary>
    private static bool ClosesSession(Exception e) => e switch
    {
        SmtpClientException failure => !failure.KeepsSession,
        InvalidOperationException or ArgumentException => false,
        _ => true,
    };

    private async Task OpenAsync(CancellationToken cancellationToken)
    {
        Greeting = await ReadAsync("the greeting", _options.GreetingTimeout, cancellationToken);
        if (Greeting.Code != 220)
        {
            // RFC 5321 §3.1: 554 (or 421) instead of 220 means no service here.
            throw new SmtpCommandException("the greeting", Greeting);
        }

        Log.Connected(_logger, Greeting.ToString());
        await HelloAsync(afterTls: false, cancellationToken);
    }

    private async Task HelloAsync(bool afterTls, CancellationToken cancellationToken)
    {
        var verb = Dialect == SmtpDialect.Lmtp ? "LHLO" : "EHLO";
        var reply = await CommandAsync($"{verb} {_options.HelloName}", _options.CommandTimeout, cancellationToken);
        if (reply.IsPositiveCompletion)
        {
            Capabilities = reply.Code == 250 ? ServerCapabilities.Parse(reply) : ServerCapabilities.None;
            return;
        }

        // RFC 5321 §3.2: a server that does not know EHLO answers 5yz (500, 502, 504, 550) and
        // the client falls back to HELO. Not in LMTP, and not after TLS, where EHLO worked before.
        if (Dialect == SmtpDialect.Smtp && !afterTls && reply.IsPermanentNegative)
        {
            Log.HeloFallback(_logger, reply.ToString());
            var helo = await CommandAsync($"HELO {_options.HelloName}", _options.CommandTimeout, cancellationToken);
            if (!helo.IsPositiveCompletion)
            {
                throw new SmtpCommandException("HELO", helo);
            }

            Capabilities = ServerCapabilities.None;
            return;
        }

        throw new SmtpCommandException(verb, reply);
    }

    /// <summary>Sends one command and reads its reply; the command's text names it in errors.</summary>
    private async ValueTask<SmtpReply> CommandAsync(string command, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Send(Encoding.UTF8.GetBytes(command + "\r\n"));
        await _connection.FlushAsync("sending " + Verb(command), timeout, cancellationToken);
        return await ReadAsync("the reply to " + Verb(command), timeout, cancellationToken);
    }

    /// <summary>Buffers a command line for the next flush.</summary>
    private void Send(ReadOnlySpan<byte> line)
    {
        _connection.Buffer(line);
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            Log.CommandSent(_logger, Encoding.UTF8.GetString(line).TrimEnd('\r', '\n'));
        }
    }

    private async ValueTask<SmtpReply> ReadAsync(string waitingFor, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var reply = await _connection.ReadReplyAsync(waitingFor, timeout, cancellationToken);
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            Log.ReplyReceived(_logger, reply.ToString());
        }

        return reply;
    }

    /// <summary>"MAIL FROM", "RCPT TO" or the verb alone: how errors name a command.</summary>
    private static string Verb(string command)
    {
        var colon = command.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0)
        {
            return command[..colon];
        }

        var space = command.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 ? command[..space] : command;
    }

    private void Enter()
    {
        if (_closed)
        {
            throw new InvalidOperationException("The session is closed.");
        }

        if (Interlocked.Exchange(ref _busy, 1) != 0)
        {
            throw new InvalidOperationException("The session is busy: it does one thing at a time.");
        }
    }

    private void Exit() => Volatile.Write(ref _busy, 0);

    private async Task FailAsync(Exception e)
    {
        Log.ConversationFailed(_logger, e.Message);
        await CloseAsync();
    }

    private async ValueTask CloseAsync()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        await _connection.DisposeAsync();
    }
}
