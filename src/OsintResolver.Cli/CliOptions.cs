using System.CommandLine;

namespace OsintResolver.Cli;

/// <summary>Options every command understands.</summary>
internal static class CliOptions
{
    public static readonly Option<string?> DataDir = new("--data-dir")
    {
        Description = "Data folder (default: $OSINT_DATA_DIR, else ./data)",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Machine-readable JSON output",
        Recursive = true,
    };
}
