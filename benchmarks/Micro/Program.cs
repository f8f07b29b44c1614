using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Micro -- --filter '*' [--job short]
BenchmarkSwitcher.FromAssembly(typeof(BhxhPlatform.Benchmarks.Micro.HashChainBenchmarks).Assembly).Run(args);
