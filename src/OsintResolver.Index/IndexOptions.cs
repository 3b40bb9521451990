using System.ComponentModel.DataAnnotations;

namespace OsintResolver.Index;

public enum IndexBackend
{
    Lucene,
    Elasticsearch,
}

/// <summary>Which index backend, and where. Validated at startup.</summary>
public sealed class IndexOptions : IValidatableObject
{
    public const string Section = "Index";
    public const string ElasticsearchUrlVariable = "OSINT_ELASTICSEARCH_URL";

    public IndexBackend Backend { get; set; } = IndexBackend.Lucene;

    /// <summary>The data folder; the Lucene index lives in its <c>index/</c> subfolder.</summary>
    [Required]
    public string DataDir { get; set; } = "data";

    /// <summary>Elasticsearch node URL, e.g. http://localhost:9200.</summary>
    public Uri? ElasticsearchUrl { get; set; }

    /// <summary>Optional Elasticsearch API key (base64 id:key).</summary>
    public string? ElasticsearchApiKey { get; set; }

    /// <summary>Alias searched by readers; versions are <c>{alias}-v{n}</c>.</summary>
    [Required, RegularExpression("^[a-z0-9][a-z0-9_-]{0,100}$")]
    public string IndexName { get; set; } = "osint-entities";

    /// <summary>Entities per bulk request (Elasticsearch) or per writer batch (Lucene).</summary>
    [Range(10, 50_000)]
    public int BatchSize { get; set; } = 1000;

    /// <summary>Bulk requests in flight at once: the backpressure bound of the indexer.</summary>
    [Range(1, 16)]
    public int MaxConcurrentBulkRequests { get; set; } = 2;

    /// <summary>Retries of a bulk request or rejected items (429/503) with exponential backoff.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 5;

    [Range(1, 4096)]
    public int LuceneRamBufferMb { get; set; } = 256;

    public string LucenePath => Path.Combine(DataDir, "index");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Backend == IndexBackend.Elasticsearch && ElasticsearchUrl is null)
        {
            yield return new ValidationResult(
                $"the Elasticsearch backend needs Index:ElasticsearchUrl (or {ElasticsearchUrlVariable})", [nameof(ElasticsearchUrl)]);
        }
    }
}
