using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Connections;

namespace Posta.Hosting.Tests.Support;

/// <summary>
/// A line protocol just rich enough to observe the hosting layer: greets with the endpoints it
/// sees, echoes lines, and knows STARTTLS, INFO, BEGIN/END (a transaction), HANG and QUIT.
/// </summary>
public sealed class EchoHandler : ConnectionHandler, IConnectionLimitResponder
{
    public override async Task OnConnectedAsync(ConnectionContext connection)
    {
        var info = connection.GetConnectionInfo();
        await WriteLineAsync(connection, $"READY {info.RemoteEndPoint} {info.LocalEndPoint}");
        var inTransaction = false;
        var stopAfterTransaction = false;
        while (true)
        {
            var input = connection.Transport.Input;
            ReadResult result;
            try
            {
                // Mid-transaction the shutdown waits for END, as a DATA transfer would.
                result = await input.ReadAsync(inTransaction ? CancellationToken.None : info.ShutdownRequested);
            }
            catch (OperationCanceledException) when (info.ShutdownRequested.IsCancellationRequested)
            {
                await WriteLineAsync(connection, "BYE");
                return;
            }

            if (result.IsCanceled && info.IsIdleTimedOut)
            {
                await WriteLineAsync(connection, "IDLE");
                return;
            }

            var buffer = result.Buffer;
            while (TryReadLine(ref buffer, out var line))
            {
                switch (line)
                {
                    case "STARTTLS":
                        // Consume only the command: whatever follows stays buffered, to be discarded.
                        input.AdvanceTo(buffer.Start, result.Buffer.End);
                        await WriteLineAsync(connection, "GO");
                        await connection.StartTlsAsync(CancellationToken.None);
                        goto NextRead;
                    case "STARTTLS-LATE":
                        // A busy server: the client's ClientHello is buffered before the handshake begins.
                        input.AdvanceTo(buffer.Start, result.Buffer.End);
                        await WriteLineAsync(connection, "GO");
                        await Task.Delay(TimeSpan.FromMilliseconds(300));
                        await connection.StartTlsAsync(CancellationToken.None);
                        goto NextRead;
                    case "INFO":
                        await WriteLineAsync(connection,
                            $"INFO remote={info.RemoteEndPoint} local={info.LocalEndPoint} proxy={info.ProxyEndPoint} tls={info.IsTlsActive} protocol={info.Tls?.Protocol} sni={info.Tls?.ServerName} cert={info.Tls?.Certificate.Thumbprint}");
                        break;
                    case "BEGIN":
                        inTransaction = true;
                        await WriteLineAsync(connection, "OK");
                        break;
                    case "END":
                        inTransaction = false;
                        stopAfterTransaction = info.ShutdownRequested.IsCancellationRequested;
                        await WriteLineAsync(connection, "DONE");
                        break;
                    case "HANG":
                        input.AdvanceTo(buffer.Start);
                        await WriteLineAsync(connection, "HANGING");
                        await Task.Delay(Timeout.Infinite, connection.ConnectionClosed).ContinueWith(_ => { }, TaskScheduler.Default);
                        return;
                    case "QUIT":
                        await WriteLineAsync(connection, "BYE");
                        return;
                    default:
                        await WriteLineAsync(connection, line);
                        break;
                }

                if (stopAfterTransaction)
                {
                    await WriteLineAsync(connection, "BYE");
                    return;
                }
            }

            input.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted)
            {
                return;
            }

        NextRead:;
        }
    }

    public async ValueTask OnConnectionLimitAsync(ConnectionContext connection, CancellationToken cancellationToken) =>
        await WriteLineAsync(connection, "LIMIT");

    private static async Task WriteLineAsync(ConnectionContext connection, string line) =>
        await connection.Transport.Output.WriteAsync(Encoding.ASCII.GetBytes(line + "\r\n"));

    private static bool TryReadLine(ref ReadOnlySequence<byte> buffer, out string line)
    {
        var reader = new SequenceReader<byte>(buffer);
        if (!reader.TryReadTo(out ReadOnlySequence<byte> bytes, "\r\n"u8))
        {
            line = string.Empty;
            return false;
        }

        line = Encoding.ASCII.GetString(bytes);
        buffer = buffer.Slice(reader.Position);
        return true;
    }
}
