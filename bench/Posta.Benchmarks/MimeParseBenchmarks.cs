using BenchmarkDotNet.Attributes;
using Posta.Mime.Addresses;
using Posta.Mime.Headers;
using Posta.Mime.Reading;

namespace Posta.Benchmarks;

/// <summary>
/// Posta.Mime parse throughput over a whole workload per invocation: structure (the part tree
/// with offsets, content types and raw header fields) and full (the same plus every header decoded,
/// address lists and dates parsed). Divide <see cref="WorkloadBytes"/> (printed at setup) by the
/// mean time for MB/s; allocation per message is Allocated / message count (also printed).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class MimeParseBenchmarks
{
    private IReadOnlyList<byte[]> _messages = [];

    [Params("corpus", "mbox")]
    public string Workload { get; set; } = "corpus";

    /// <summary>Total bytes parsed per invocation.</summary>
    public long WorkloadBytes { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _messages = MimeCorpus.Load(Workload);
        WorkloadBytes = _messages.Sum(m => (long)m.Length);
        Console.WriteLine($"// workload {Workload}: {_messages.Count} messages, {WorkloadBytes} bytes");
    }

    [Benchmark(Baseline = true, Description = "structure")]
    public int Structure()
    {
        var parts = 0;
        foreach (var message in _messages)
        {
            parts += MimeReader.Read(message).PartCount;
        }

        return parts;
    }

    [Benchmark(Description = "full (headers decoded)")]
    public int Full()
    {
        var work = 0;
        foreach (var bytes in _messages)
        {
            var message = MimeReader.Read(bytes);
            foreach (var part in message.EnumerateParts())
            {
                work += part.ContentType.Parameters.Count;
                foreach (var header in part.Headers)
                {
                    if (header.Is("From") || header.Is("To") || header.Is("Cc") || header.Is("Reply-To"))
                    {
                        work += AddressParser.Parse(header.RawValue.Span).Count;
                    }
                    else if (header.Is("Date"))
                    {
                        work += MailDate.TryParse(header.RawValue.Span, out _) ? 1 : 0;
                    }
                    else
                    {
                        work += header.Value.Length;
                    }
                }
            }
        }

        return work;
    }
}
