using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Steward.Scanning.Bench;

internal static class SplitExperiment
{
    public static int Run()
    {
        var corpus = Corpus.Generate();
        var mb = corpus.Utf8Bytes / 1e6;
        for (var rep = 0; rep < 5; rep++)
        {
            var sw = Stopwatch.StartNew();
            ulong acc = 0;
            foreach (var p in corpus.Posts)
                acc += SplitOnly(p);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"split+hash: {mb / sw.Elapsed.TotalSeconds:0.0} MB/s ({acc % 7})"));
            sw.Restart();
            acc = 0;
            foreach (var p in corpus.Posts)
                acc += (ulong)SplitCount(p);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"split only: {mb / sw.Elapsed.TotalSeconds:0.0} MB/s ({acc % 7})"));
        }

        return 0;
    }

    static ulong SplitOnly(string str)
    {
        var s = str.AsSpan();
        var classes = TextFold.Classes;
        ref var text = ref MemoryMarshal.GetReference(s);
        var n = s.Length;
        var i = 0;
        ulong acc = 0;
        while (i < n)
        {
            var c = s[i];
            int cls = classes[c];
            if (cls == 0)
            {
                i++;
                continue;
            }

            var start = i;
            int units = c;
            while (++i < n)
            {
                c = s[i];
                cls = classes[c];
                if (cls == 0)
                    break;
                units |= c;
            }

            var len = i - start;
            acc += units < 0x80 && start + ((len + 3) & ~3) <= n ? TextFold.HashAsciiWord(ref Unsafe.Add(ref text, start), len) : 1;
        }

        return acc;
    }

    static int SplitCount(string str)
    {
        var s = str.AsSpan();
        var classes = TextFold.Classes;
        var n = s.Length;
        var i = 0;
        var words = 0;
        while (i < n)
        {
            var c = s[i];
            if (classes[c] == 0)
            {
                i++;
                continue;
            }

            while (++i < n && classes[s[i]] != 0)
            {
            }

            words++;
        }

        return words;
    }
}

internal static class VocabStats
{
    public static int Run()
    {
        var corpus = Corpus.Generate();
        var ctx = Runner.BuildContext(corpus).Data;
        long words = 0, filter = 0, hits = 0, digits = 0;
        var top = new Dictionary<string, int>();
        foreach (var p in corpus.Posts)
        {
            foreach (var t in System.Text.RegularExpressions.Regex.Split(p, "[^A-Za-z0-9]+"))
            {
                if (t.Length == 0)
                    continue;
                words++;
                var h = TextFold.Hash(t.ToLowerInvariant());
                if (t.Any(char.IsAsciiDigit))
                    digits++;
                if (ctx.Vocabulary.MayContain(h))
                {
                    filter++;
                    if (ctx.Vocabulary.TryFind(h, out _, out _))
                    {
                        hits++;
                        var k = t.ToLowerInvariant();
                        top[k] = top.GetValueOrDefault(k) + 1;
                    }
                }
            }
        }

        Console.WriteLine($"words {words:N0}, filter pass {filter:N0}, vocab hits {hits:N0}, with digits {digits:N0}");
        foreach (var (k, v) in top.OrderByDescending(x => x.Value).Take(40))
            Console.Write($"{k}:{v} ");
        Console.WriteLine();
        return 0;
    }
}
