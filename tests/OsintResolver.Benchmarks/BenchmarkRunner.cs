using System.Diagnostics;
using System.Globalization;

namespace OsintResolver.Benchmarks;

/// <summary>A benchmark program: prints throughput and peak memory; never a timed test.</summary>
internal interface IBenchmark
{
    string Name { get; }
    string Description { get; }
    Task<int> RunAsync(BenchmarkArgs args);
}

/// <summary>Runs one benchmark by name: <c>dotnet run -c Release --project tests/OsintResolver.Benchmarks -- NAME [--key value]</c>.</summary>
internal static class BenchmarkRunner
{
    private static readonly IBenchmark[] All =
    [
        new ImportBenchmark(),
        new SearchBenchmark(),
        new WebBenchmark(),
        new CrawlBenchmark(),
        new ResolveBenchmark(),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "list")
        {
            Console.WriteLine("usage: OsintResolver.Benchmarks NAME [--option value ...]");
            foreach (var b in All)
            {
                Console.WriteLine($"  {b.Name,-12} {b.Description}");
            }

            return args.Length == 0 ? 2 : 0;
        }

        var benchmark = All.FirstOrDefault(b => b.Name == args[0]);
        if (benchmark is null)
        {
            Console.Error.WriteLine($"unknown benchmark '{args[0]}'");
            return 2;
        }

        Console.WriteLine($"# {benchmark.Name}: {benchmark.Description}");
        Console.WriteLine($"# {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        return await benchmark.RunAsync(new BenchmarkArgs(args[1..])).ConfigureAwait(false);
    }
}

internal sealed class BenchmarkArgs(string[] args)
{
    public string? Get(string name)
    {
        var i = Array.IndexOf(args, "--" + name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    public int Int(string name, int fallback) => Get(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public bool Flag(string name) => Array.IndexOf(args, "--" + name) >= 0;
}

/// <summary>Process memory from /proc: the peak resident set (VmHWM) is what the goals bound.</summary>
internal static class Memory
{
    public static long PeakRssBytes() => ReadStatusKb("VmHWM:") * 1024;

    public static long RssBytes() => ReadStatusKb("VmRSS:") * 1024;

    public static string Format(long bytes) => $"{bytes / (1024.0 * 1024.0):F0} MiB";

    private static long ReadStatusKb(string key)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith(key, StringComparison.Ordinal))
            {
                return long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }
}

internal static class Report
{
    public static void Line(string label, string value) => Console.WriteLine($"{label,-28} {value}");

    public static void Rate(string label, double count, TimeSpan elapsed, string unit) =>
        Line(label, $"{count / elapsed.TotalSeconds:N0} {unit}/s ({count:N0} in {elapsed.TotalSeconds:F1} s)");

    public static Stopwatch Start() => Stopwatch.StartNew();
}
