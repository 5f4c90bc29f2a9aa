using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Posta.Hosting.Tests.Support;

/// <summary>A client for line protocols that can switch to TLS, with every wait bounded.</summary>
public sealed class LineClient : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private readonly Socket _socket;
    private Stream _stream;

    private LineClient(Socket socket)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: false);
    }

    public X509Certificate2? ServerCertificate { get; private set; }

    /// <summary>How many certificates the server's chain as the client built it holds.</summary>
    public int ChainLength { get; private set; }

    public SslProtocols Protocol { get; private set; }

    public static async Task<LineClient> ConnectAsync(EndPoint server, IPAddress? from = null)
    {
        var socket = server is UnixDomainSocketEndPoint
            ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
            : new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        if (from is not null)
        {
            socket.Bind(new IPEndPoint(from, 0));
        }

        using var timeout = new CancellationTokenSource(Patience);
        await socket.ConnectAsync(server, timeout.Token);
        return new LineClient(socket);
    }

    /// <summary>Connects and completes a TLS handshake straight away (implicit TLS).</summary>
    public static async Task<LineClient> ConnectTlsAsync(EndPoint server, string? serverName, SslProtocols protocols = SslProtocols.None)
    {
        var client = await ConnectAsync(server);
        await client.StartTlsAsync(serverName, protocols);
        return client;
    }

    public async Task StartTlsAsync(string? serverName, SslProtocols protocols = SslProtocols.None)
    {
        var ssl = new SslStream(_stream, leaveInnerStreamOpen: false);
        using var timeout = new CancellationTokenSource(Patience);
        await ssl.AuthenticateAsClientAsync(
            new SslClientAuthenticationOptions
            {
                // An empty name sends no SNI.
                TargetHost = serverName ?? string.Empty,
                EnabledSslProtocols = protocols,
                RemoteCertificateValidationCallback = (_, certificate, chain, _) =>
                {
                    ServerCertificate = certificate is null ? null : new X509Certificate2(certificate);
                    ChainLength = chain?.ChainElements.Count ?? 0;
                    return true;
                },
            },
            timeout.Token);
        Protocol = ssl.SslProtocol;
        _stream = ssl;
    }

    public async Task WriteAsync(string text)
    {
        using var timeout = new CancellationTokenSource(Patience);
        await _stream.WriteAsync(Encoding.ASCII.GetBytes(text), timeout.Token);
        await _stream.FlushAsync(timeout.Token);
    }

    public Task WriteLineAsync(string line) => WriteAsync(line + "\r\n");

    public async Task WriteAsync(byte[] bytes)
    {
        using var timeout = new CancellationTokenSource(Patience);
        await _stream.WriteAsync(bytes, timeout.Token);
    }

    /// <summary>The next line without CRLF, or null when the server closed the connection.</summary>
    public async Task<string?> ReadLineAsync(TimeSpan? patience = null)
    {
        using var timeout = new CancellationTokenSource(patience ?? Patience);
        var line = new List<byte>();
        var one = new byte[1];
        while (true)
        {
            int read;
            try
            {
                read = await _stream.ReadAsync(one, timeout.Token);
            }
            catch (IOException)
            {
                // Reset by the server: closed, as far as the client can tell.
                return null;
            }

            if (read == 0)
            {
                return line.Count == 0 ? null : Encoding.ASCII.GetString([.. line]);
            }

            if (one[0] == '\n')
            {
                return Encoding.ASCII.GetString([.. line]).TrimEnd('\r');
            }

            line.Add(one[0]);
        }
    }

    /// <summary>Reads everything until the server closes.</summary>
    public async Task<string> ReadToEndAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        using var buffer = new MemoryStream();
        await _stream.CopyToAsync(buffer, timeout.Token);
        return Encoding.ASCII.GetString(buffer.ToArray());
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        _socket.Dispose();
    }
}
