using BenchmarkDotNet.Running;
using Steward.Scanning.Bench;

// "run" (default): the whole-process runner that prints the comparison table in one run.
// "bdn [BenchmarkDotNet args]": the BenchmarkDotNet micro-benchmarks (ShortRun).
if (args.Length > 0 && args[0] == "bdn")
{
    BenchmarkSwitcher.FromAssembly(typeof(ScanBenchmarks).Assembly).Run(args[1..]);
    return 0;
}

// "full [seconds]": only the full scan, repeated, printing MB/s per pass (for profiling with perf).
if (args.Length > 0 && args[0] == "vocab")
    return VocabStats.Run();
if (args.Length > 0 && args[0] == "regex")
    return RegexCost.Run(args);
if (args.Length > 0 && args[0] == "split")
    return SplitExperiment.Run();
if (args.Length > 0 && args[0] == "full")
    return Runner.FullOnly(args);

return Runner.Run(args);
