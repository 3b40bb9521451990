namespace OsintResolver.Cli.Pipeline;

/// <summary>What one step of the pipeline did, for the summary table and --json.</summary>
internal sealed record StepReport(string Step, string Result, TimeSpan Elapsed, bool Succeeded = true);
