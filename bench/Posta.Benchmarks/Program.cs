using BenchmarkDotNet.Running;
using Posta.Benchmarks;

// "export WORKLOAD DIR" writes a MIME workload as files for the Python comparison (mime-compare.sh).
if (args is ["export", var workload, var directory])
{
    MimeCorpus.Export(workload, directory);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(StoreAppendBenchmarks).Assembly).Run(args);
