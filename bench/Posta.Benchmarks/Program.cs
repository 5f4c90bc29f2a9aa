using BenchmarkDotNet.Running;
using Posta.Benchmarks;

// "export WORKLOAD DIR" writes a MIME workload as files for the Python comparison (mime-compare.sh).
if (args is ["export", var workload, var directory])
{
    MimeCorpus.Export(workload, directory);
    return 0;
}

// "smtp-load HOST PORT SESSIONS MESSAGES SIZE FROM TO" drives an SMTP server (smtp-compare.sh).
if (args is ["smtp-load", .. var load])
{
    return await SmtpLoadGenerator.RunAsync(load);
}

BenchmarkSwitcher.FromAssembly(typeof(StoreAppendBenchmarks).Assembly).Run(args);
return 0;
