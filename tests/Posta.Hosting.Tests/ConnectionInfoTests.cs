using System.IO.Pipelines;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging.Abstractions;
using Posta.Hosting.Connections;
using Posta.Hosting.Tests.Support;

namespace Posta.Hosting.Tests;

public sealed class ConnectionInfoTests : IDisposable
{
    private readonly ManualTimeProvider _time = new();
    private readonly Pipe _input = new();
    private readonly Pipe _output = new();
    private readonly DefaultConnectionContext _context;
    private readonly ConnectionInfo _connection;
    private readonly CancellationTokenSource _shutdown = new();

    public ConnectionInfoTests()
    {
        _context = new DefaultConnectionContext("c1", new DuplexPipe(_input.Reader, _output.Writer), new DuplexPipe(_output.Reader, _input.Writer));
        var options = new HostingOptions();
        var listener = new ListenerContext
        {
            Name = ListenerNames.Smtp,
            Options = options,
            IdleTimeout = TimeSpan.FromMinutes(5),
            TrackActivity = true,
            Tracker = null!,
            Tls = null!,
            Time = _time,
            ShutdownRequested = _shutdown.Token,
            Logger = NullLogger.Instance,
        };
        _connection = new ConnectionInfo(_context, listener);
    }

    public void Dispose() => _shutdown.Dispose();

    [Fact]
    public async Task An_idle_connection_first_gets_its_read_cancelled_then_is_aborted()
    {
        var read = _input.Reader.ReadAsync();

        _time.Advance(TimeSpan.FromMinutes(5));
        _connection.OnHeartbeat(_time.GetTimestamp());
        Assert.False(read.IsCompleted);
        Assert.False(_connection.IsIdleTimedOut);

        _time.Advance(TimeSpan.FromSeconds(1));
        _connection.OnHeartbeat(_time.GetTimestamp());
        var result = await read;
        Assert.True(result.IsCanceled);
        Assert.True(_connection.IsIdleTimedOut);
        Assert.False(_context.ConnectionClosed.IsCancellationRequested);

        // The handler had 5 seconds to send its timeout reply and did not return.
        _time.Advance(TimeSpan.FromSeconds(6));
        _connection.OnHeartbeat(_time.GetTimestamp());
        await WaitForAsync(_context.ConnectionClosed);
    }

    [Fact]
    public void Activity_restarts_the_idle_clock()
    {
        for (var i = 0; i < 10; i++)
        {
            _time.Advance(TimeSpan.FromMinutes(4));
            _connection.MarkActive();
            _connection.OnHeartbeat(_time.GetTimestamp());
        }

        Assert.False(_connection.IsIdleTimedOut);
    }

    [Fact]
    public async Task Reads_and_flushes_through_the_tracked_transport_count_as_activity()
    {
        var tracked = new ActivityDuplexPipe(new DuplexPipe(_input.Reader, _output.Writer), _connection);

        _time.Advance(TimeSpan.FromMinutes(4));
        await _input.Writer.WriteAsync("NOOP\r\n"u8.ToArray());
        var result = await tracked.Input.ReadAsync();
        tracked.Input.AdvanceTo(result.Buffer.End);
        _time.Advance(TimeSpan.FromMinutes(4));
        await tracked.Output.WriteAsync("250 OK\r\n"u8.ToArray());
        _time.Advance(TimeSpan.FromMinutes(4));
        _connection.OnHeartbeat(_time.GetTimestamp());

        Assert.False(_connection.IsIdleTimedOut);
    }

    [Fact]
    public void A_handler_may_change_or_disable_the_timeout()
    {
        _connection.IdleTimeout = Timeout.InfiniteTimeSpan;
        _time.Advance(TimeSpan.FromDays(2));
        _connection.OnHeartbeat(_time.GetTimestamp());
        Assert.False(_connection.IsIdleTimedOut);

        _connection.IdleTimeout = TimeSpan.FromSeconds(30);
        _time.Advance(TimeSpan.FromSeconds(31));
        _connection.OnHeartbeat(_time.GetTimestamp());
        Assert.True(_connection.IsIdleTimedOut);

        Assert.Throws<ArgumentOutOfRangeException>(() => _connection.IdleTimeout = TimeSpan.Zero);
    }

    [Fact]
    public async Task A_handshake_that_overruns_its_deadline_is_aborted_at_once()
    {
        using (_connection.BeginHandshake(TimeSpan.FromSeconds(10)))
        {
            _time.Advance(TimeSpan.FromSeconds(9));
            _connection.OnHeartbeat(_time.GetTimestamp());
            Assert.False(_context.ConnectionClosed.IsCancellationRequested);

            _time.Advance(TimeSpan.FromSeconds(2));
            _connection.OnHeartbeat(_time.GetTimestamp());
            await WaitForAsync(_context.ConnectionClosed);
        }
    }

    [Fact]
    public void A_finished_handshake_hands_over_to_the_idle_timeout()
    {
        using (_connection.BeginHandshake(TimeSpan.FromSeconds(10)))
        {
            _time.Advance(TimeSpan.FromSeconds(5));
        }

        _time.Advance(TimeSpan.FromMinutes(4));
        _connection.OnHeartbeat(_time.GetTimestamp());

        Assert.False(_context.ConnectionClosed.IsCancellationRequested);
        Assert.False(_connection.IsIdleTimedOut);
    }

    [Fact]
    public void The_feature_reports_the_shutdown_token_and_no_TLS_yet()
    {
        Assert.Equal(_shutdown.Token, _connection.ShutdownRequested);
        Assert.False(_connection.IsTlsActive);
        Assert.Null(_connection.Tls);
        Assert.Equal("c1", _connection.ConnectionId);
        Assert.Equal(ListenerNames.Smtp, _connection.ListenerName);
    }

    private static async Task WaitForAsync(CancellationToken token)
    {
        // Kestrel's Abort signals ConnectionClosed from the thread pool.
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!token.IsCancellationRequested && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        Assert.True(token.IsCancellationRequested, "the connection was not aborted");
    }

    private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }
}
