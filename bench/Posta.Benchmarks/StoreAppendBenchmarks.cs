using BenchmarkDotNet.Attributes;
using Posta.Storage;
using Posta.Storage.Directory;

namespace Posta.Benchmarks;

/// <summary>
/// Durable append throughput of the embedded store for 10 KB messages, with 1 and 20 concurrent
/// writers, against the machine's raw rate of writing and fsyncing a new 10 KB file. Every append
/// returns only when both the message file and the metadata are on disk; group commit lets
/// concurrent appends share the metadata fsync. Each invocation appends
/// <see cref="MessagesPerInvocation"/> distinct messages, so the reported time is per message.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 6, invocationCount: 1)]
public class StoreAppendBenchmarks
{
    private const int MessagesPerInvocation = 400;
    private const int MessageSize = 10 * 1024;

    private string _directory = string.Empty;
    private IStore _store = null!;
    private long _inbox;
    private long _sequence;
    private byte[] _template = [];

    [Params(1, 20)]
    public int Writers { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _directory = Path.Combine(AppContext.BaseDirectory, "bench-data", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        _store = await StoreFactory.OpenAsync(new StoreOptions { DataDirectory = _directory });
        await _store.Directory.AddDomainAsync("bench.test");
        var user = await _store.Directory.AddUserAsync(new NewUser("bench@bench.test", "bench.test", "{PLAIN}x"));
        _inbox = (await _store.Mail.GetMailboxAsync(user.Id, "INBOX"))!.Id;
        _template = MakeMessage();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        var statistics = _store.GetStatistics();
        if (statistics.Commits > 0)
        {
            // Shows in the benchmark log: how many appends shared each metadata commit.
            Console.WriteLine($"// group commit: {statistics.WriteOperations} writes in {statistics.Commits} commits, {(double)statistics.WriteOperations / statistics.Commits:F1} per commit (Writers={Writers})");
        }

        await _store.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = MessagesPerInvocation, Description = "write+fsync new 10 KB file")]
    public Task RawFsync() => RunWritersAsync(i =>
    {
        var path = Path.Combine(_directory, "raw-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1))
        {
            file.Write(Unique(i));
            file.Flush(flushToDisk: true);
        }

        File.Delete(path);
        return Task.CompletedTask;
    });

    [Benchmark(OperationsPerInvoke = MessagesPerInvocation, Description = "store append 10 KB (durable)")]
    public Task Append() => RunWritersAsync(async i =>
    {
        using var content = new MemoryStream(Unique(i), writable: false);
        await _store.Mail.AppendAsync(_inbox, content);
    });

    private async Task RunWritersAsync(Func<long, Task> operation)
    {
        var perWriter = MessagesPerInvocation / Writers;
        var writers = new Task[Writers];
        for (var w = 0; w < Writers; w++)
        {
            writers[w] = Task.Run(async () =>
            {
                for (var n = 0; n < perWriter; n++)
                {
                    await operation(Interlocked.Increment(ref _sequence));
                }
            });
        }

        await Task.WhenAll(writers);
    }

    // Distinct content per message, or the store would deduplicate and skip the file write.
    private byte[] Unique(long i)
    {
        var copy = (byte[])_template.Clone();
        var stamp = System.Text.Encoding.ASCII.GetBytes($"X-Seq: {i:D20}\r\n");
        stamp.CopyTo(copy, 0);
        return copy;
    }

    private static byte[] MakeMessage()
    {
        var header = "X-Seq: 00000000000000000000\r\nFrom: a@bench.test\r\nTo: bench@bench.test\r\nSubject: benchmark\r\n\r\n";
        var body = new System.Text.StringBuilder(header);
        var random = new Random(42);
        while (body.Length < MessageSize - 80)
        {
            for (var c = 0; c < 76; c++)
            {
                body.Append((char)('a' + random.Next(26)));
            }

            body.Append("\r\n");
        }

        return System.Text.Encoding.ASCII.GetBytes(body.ToString().PadRight(MessageSize, 'x'));
    }
}
