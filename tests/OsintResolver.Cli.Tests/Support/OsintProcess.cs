using System.Diagnostics;

namespace OsintResolver.Cli.Tests.Support;

/// <summary>
/// Runs the built <c>osint</c> CLI (osint.dll of the same build configuration) as a child process,
/// so a test can kill it like a crash would.
/// </summary>
internal static class OsintProcess
{
    private static readonly Lazy<string> Dll = new(Find);

    /// <summary>Starts <c>osint crawl SOURCE --allow-private-network --skip-assertions --json</c> with the faulty-site tuning.</summary>
    public static (Process Process, Task<string> Stdout) Start(string dataDir, string source)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Dll.Value, "crawl", source, "--allow-private-network", "--skip-assertions", "--json", "--data-dir", dataDir })
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in Commands.FaultySiteFixture.Environment)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        // Drain stderr so a chatty child never blocks on a full pipe.
        _ = process.StandardError.ReadToEndAsync();
        return (process, process.StandardOutput.ReadToEndAsync());
    }

    private static string Find()
    {
        // This test project references the CLI, so the CLI is built in the same configuration.
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release" : "Debug";
        var bin = RepositoryRoot.Combine("src", "OsintResolver.Cli", "bin");
        var candidates = Directory.Exists(bin) ? Directory.GetFiles(bin, "osint.dll", SearchOption.AllDirectories) : [];
        return candidates
                   .OrderByDescending(p => p.Contains($"{Path.DirectorySeparatorChar}{configuration}{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                   .ThenByDescending(File.GetLastWriteTimeUtc)
                   .FirstOrDefault()
               ?? throw new FileNotFoundException($"osint.dll not found under {bin}; build src/OsintResolver.Cli first");
    }
}
