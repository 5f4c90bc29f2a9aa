using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Posta.Benchmarks;

/// <summary>
/// An SMTP load generator in the manner of Postfix's <c>smtp-source</c> (one message per
/// connection, no pipelining, so both servers see the same conversation), which also measures
/// what <c>smtp-source</c> does not: the time from sending the final ".\r\n" of DATA to the
/// server's reply, the time a client waits for the server to make the message durable.
/// </summary>
internal sealed class SmtpLoadGenerator
{
    // A stuck server fails the message instead of hanging the benchmark.
    private static readonly TimeSpan MessageTimeout = TimeSpan.FromSeconds(120);

    private readonly SmtpLoadOptions _options;
    private readonly byte[] _body;
    private readonly double[] _latencies;
    private readonly string _run = Guid.NewGuid().ToString("N")[..12];
    private int _next = -1;
    private int _failed;
    private int _succeeded;

    public SmtpLoadGenerator(SmtpLoadOptions options)
    {
        _options = options;
        _body = MakeBody(options.Size);
        _latencies = new double[options.Messages];
    }

    /// <summary>Runs the load, prints the summary; returns 0 when every message got a 250.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        SmtpLoadOptions options;
        try
        {
            options = SmtpLoadOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }

        return await new SmtpLoadGenerator(options).RunAsync();
    }

    private async Task<int> RunAsync()
    {
        var started = Stopwatch.GetTimestamp();
        var sessions = Enumerable.Range(0, _options.Sessions).Select(_ => Task.Run(SessionAsync)).ToArray();
        await Task.WhenAll(sessions);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        var measured = _latencies.Where(l => l > 0).Order().ToArray();
        var rate = _succeeded / seconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"smtp-load: {_succeeded} of {_options.Messages} messages ({_options.Size} bytes of body) over {_options.Sessions} sessions to {_options.Host}:{_options.Port} in {seconds:F2} s: {rate:F1} messages/s, {_failed} failed"));
        if (measured.Length == 0)
        {
            return 1;
        }

        var p50 = Percentile(measured, 0.50);
        var p90 = Percentile(measured, 0.90);
        var p99 = Percentile(measured, 0.99);
        var max = measured[^1];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"DATA reply latency (final \".\" to 250): p50 {p50:F2} ms, p90 {p90:F2} ms, p99 {p99:F2} ms, max {max:F2} ms"));
        // One line for scripts.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"result messages={_succeeded} failed={_failed} seconds={seconds:F3} rate={rate:F1} p50_ms={p50:F2} p90_ms={p90:F2} p99_ms={p99:F2} max_ms={max:F2}"));
        return _failed == 0 ? 0 : 1;
    }

    private async Task SessionAsync()
    {
        while (true)
        {
            var index = Interlocked.Increment(ref _next);
            if (index >= _options.Messages)
            {
                return;
            }

            try
            {
                using var timeout = new CancellationTokenSource(MessageTimeout);
                _latencies[index] = await SendOneAsync(index, timeout.Token);
                Interlocked.Increment(ref _succeeded);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or InvalidDataException)
            {
                // The first failures say why; the count says how many.
                if (Interlocked.Increment(ref _failed) <= 5)
                {
                    await Console.Error.WriteLineAsync($"message {index}: {e.Message}");
                }
            }
        }
    }

    /// <summary>Sends one message on its own connection; returns the DATA reply latency in ms.</summary>
    private async Task<double> SendOneAsync(int index, CancellationToken cancellationToken)
    {
        using var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync(_options.Host, _options.Port, cancellationToken);
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII, detectEncodingFromByteOrderMarks: false, bufferSize: 4096, leaveOpen: true);

        await ExpectAsync(reader, "220", cancellationToken);
        await CommandAsync(stream, reader, "EHLO smtp-load.invalid", "250", cancellationToken);
        await CommandAsync(stream, reader, $"MAIL FROM:<{_options.From}>", "250", cancellationToken);
        await CommandAsync(stream, reader, $"RCPT TO:<{_options.To}>", "250", cancellationToken);
        await CommandAsync(stream, reader, "DATA", "354", cancellationToken);

        var header = string.Create(CultureInfo.InvariantCulture,
            $"From: <{_options.From}>\r\nTo: <{_options.To}>\r\nSubject: smtp-load {index}\r\nMessage-ID: <{index}.{_run}@smtp-load.invalid>\r\nDate: {DateTimeOffset.UtcNow:ddd, dd MMM yyyy HH:mm:ss} +0000\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(header), cancellationToken);
        await stream.WriteAsync(_body, cancellationToken);

        var sent = Stopwatch.GetTimestamp();
        await stream.WriteAsync(".\r\n"u8.ToArray(), cancellationToken);
        await ExpectAsync(reader, "250", cancellationToken);
        var latency = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;

        await CommandAsync(stream, reader, "QUIT", "221", cancellationToken);
        return latency;
    }

    private static async Task CommandAsync(NetworkStream stream, StreamReader reader, string command, string expected, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"), cancellationToken);
        await ExpectAsync(reader, expected, cancellationToken);
    }

    /// <summary>Reads a (possibly multi-line) reply and checks its code.</summary>
    private static async Task ExpectAsync(StreamReader reader, string expected, CancellationToken cancellationToken)
    {
        while (true)
        {
            var line = await reader.ReadLineAsync(cancellationToken)
                ?? throw new IOException($"connection closed while waiting for {expected}");
            if (line.Length > 3 && line[3] == '-')
            {
                continue;
            }

            if (!line.StartsWith(expected, StringComparison.Ordinal))
            {
                throw new InvalidDataException($"expected {expected}, got: {line}");
            }

            return;
        }
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(double[] sorted, double quantile) =>
        sorted[Math.Max(0, (int)Math.Ceiling(quantile * sorted.Length) - 1)];

    /// <summary>
    /// <paramref name="size"/> bytes of 78-character lines ending in CRLF, as <c>smtp-source -l</c>
    /// sends: no line starts with a dot, so no dot-stuffing is needed.
    /// </summary>
    private static byte[] MakeBody(int size)
    {
        var line = Encoding.ASCII.GetBytes(new string('X', 78) + "\r\n");
        var body = new byte[Math.Max(size, 2)];
        for (var i = 0; i < body.Length - 2; i++)
        {
            body[i] = line[i % line.Length];
        }

        // A cut through a CRLF must not leave a bare CR.
        if (body.Length > 2 && body[^3] == (byte)'\r')
        {
            body[^3] = (byte)'X';
        }

        body[^2] = (byte)'\r';
        body[^1] = (byte)'\n';
        return body;
    }
}
