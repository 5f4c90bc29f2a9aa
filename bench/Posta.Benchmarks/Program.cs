using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Posta.Benchmarks.StoreAppendBenchmarks).Assembly).Run(args);
