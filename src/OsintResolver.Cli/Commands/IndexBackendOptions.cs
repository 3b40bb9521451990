using System.CommandLine;
using OsintResolver.Index;

namespace OsintResolver.Cli.Commands;

/// <summary>The index backend options shared by <c>index</c>, <c>search</c> and <c>serve</c>.</summary>
internal static class IndexBackendOptions
{
    public static readonly Option<IndexBackend> Backend = new("--backend")
    {
        Description = "Index backend: lucene (embedded, under the data folder) or elasticsearch",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(IndexOptions.ElasticsearchUrlVariable) is { Length: > 0 }
            ? IndexBackend.Elasticsearch
            : IndexBackend.Lucene,
    };

    public static readonly Option<Uri?> ElasticsearchUrl = new("--elasticsearch-url")
    {
        Description = $"Elasticsearch URL (default: ${IndexOptions.ElasticsearchUrlVariable})",
    };

    public static void AddTo(Command command)
    {
        command.Options.Add(Backend);
        command.Options.Add(ElasticsearchUrl);
    }

    public static void Configure(CliContext ctx, IndexOptions options)
    {
        options.DataDir = ctx.DataDir;
        options.Backend = ctx.Parse.GetValue(Backend);
        options.ElasticsearchUrl = ctx.Parse.GetValue(ElasticsearchUrl)
            ?? (Environment.GetEnvironmentVariable(IndexOptions.ElasticsearchUrlVariable) is { Length: > 0 } url ? new Uri(url) : null);
        options.ElasticsearchApiKey = Environment.GetEnvironmentVariable("OSINT_ELASTICSEARCH_API_KEY");
    }

    public static IEntityIndex Open(CliContext ctx)
    {
        var options = new IndexOptions();
        Configure(ctx, options);
        return EntityIndexFactory.Open(options);
    }
}
