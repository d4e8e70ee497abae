using BenchmarkDotNet.Running;

namespace Steward.Vault.Bench;

/// <summary>"[BenchmarkDotNet args]" (default): the crypto micro-benchmarks (ShortRun). "http [rounds]": store and
/// reveal round trips through the real app on a Kestrel loopback port. (Not a top-level program: <c>Program</c> is
/// the app's.)</summary>
internal static class VaultBench
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["http", ..])
        {
            var rounds = args.Length > 1 && int.TryParse(args[1], System.Globalization.CultureInfo.InvariantCulture, out var r) && r > 0 ? r : 300;
            // WebApplicationFactory finds the app's content root through MvcTestingAppManifest.json in the current directory.
            Directory.SetCurrentDirectory(AppContext.BaseDirectory);
            return await HttpRunner.RunAsync(rounds, args);
        }
        BenchmarkSwitcher.FromAssembly(typeof(VaultCryptoBenchmarks).Assembly).Run(args);
        return 0;
    }
}
