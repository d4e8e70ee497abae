using System.Buffers;
using BenchmarkDotNet.Attributes;

namespace Steward.Scanning.Bench;

/// <summary>Per-post costs on the benchmark corpus; kept to a ShortRun job because the machines have 2 cores.</summary>
[ShortRunJob]
[MemoryDiagnoser]
public class ScanBenchmarks
{
    Corpus _corpus = null!;
    ScanContext _context = null!;
    SearchValues<string> _names = null!;
    string _post = null!;

    [GlobalSetup]
    public void Setup()
    {
        _corpus = Corpus.Generate(targetBytes: 2L * 1024 * 1024);
        _context = Runner.BuildContext(_corpus);
        _names = Runner.NameSearchValues(_corpus);
        _post = _corpus.Posts[_corpus.Posts.Count / 2];
    }

    [Benchmark(Baseline = true, Description = "full scan, one ~2 KB post")]
    public ScanResult FullScan() => _context.Scan(_post);

    [Benchmark(Description = "SearchValues<string> names only, same post")]
    public int NamesOnly() => Runner.CountNames(_post, _names);

    [Benchmark(Description = "IndexOfAny pass, same post")]
    public int IndexOfAnyPass() => Runner.CountRare(_post);
}

[ShortRunJob]
[MemoryDiagnoser]
public class CompileBenchmarks
{
    Corpus _corpus = null!;

    [GlobalSetup]
    public void Setup() => _corpus = Corpus.Generate(targetBytes: 1024);

    [Benchmark(Description = "compile 100,000-student context")]
    public ScanContext Compile() => Runner.BuildContext(_corpus);
}
