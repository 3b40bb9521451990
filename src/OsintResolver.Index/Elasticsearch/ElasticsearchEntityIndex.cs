using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Elastic.Clients.Elasticsearch;
using Elastic.Transport;
using OsintResolver.Index.Mapping;
using OsintResolver.Index.Querying;
using OsintResolver.Model.Entities;
using OsintResolver.Model.Errors;
using OsintResolver.Model.Schemata;
using HttpMethod = Elastic.Transport.HttpMethod;

namespace OsintResolver.Index.Elasticsearch;

/// <summary>
/// The Elasticsearch backend, through the official client's transport (Elastic.Clients.Elasticsearch
/// 9): the index template and query DSL are generated from the model and the query plan as JSON,
/// so they stay exactly in step with the Lucene backend. Readers search an alias; a rebuild fills
/// a new versioned index (<c>{alias}-v{n}</c>) and then moves the alias in one atomic
/// <c>_aliases</c> call, so a reindex has no downtime. Bulk requests run at most
/// <see cref="IndexOptions.MaxConcurrentBulkRequests"/> at a time (the reader waits: backpressure)
/// and are retried with exponential backoff on 429/503 and on rejected items.
/// </summary>
internal sealed class ElasticsearchEntityIndex : IEntityIndex
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly IndexOptions _options;
    private readonly IndexMapping _mapping;
    private readonly ElasticsearchClient _client;
    private readonly string _alias;

    public ElasticsearchEntityIndex(IndexOptions options, IndexMapping? mapping = null)
    {
        _options = options;
        _mapping = mapping ?? IndexMapping.Default;
        _alias = options.IndexName;
        var settings = new ElasticsearchClientSettings(options.ElasticsearchUrl!)
            .RequestTimeout(TimeSpan.FromSeconds(60))
            .MaximumRetries(0); // retries are ours, with backoff, per bulk request
        if (options.ElasticsearchApiKey is { Length: > 0 } key)
        {
            settings = settings.Authentication(new ApiKey(key));
        }

        _client = new ElasticsearchClient(settings);
    }

    public string Backend => "elasticsearch";

    private SchemaModel Model => _mapping.Model;

    // ---- writing ------------------------------------------------------------------------------

    public async Task<IndexWriteResult> RebuildAsync(IEnumerable<Entity> entities, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        var sw = Stopwatch.StartNew();
        await SendAsync(HttpMethod.PUT, $"/_index_template/{_alias}", ElasticsearchMapping.Template(_mapping, _alias).ToJsonString(), ct).ConfigureAwait(false);
        var old = await AliasIndicesAsync(ct).ConfigureAwait(false);
        var index = await NextIndexAsync(ct).ConfigureAwait(false);
        // Refresh off while filling; turned on before readers see the index.
        await SendAsync(HttpMethod.PUT, $"/{index}", new JsonObject
        {
            ["settings"] = new JsonObject { ["index"] = new JsonObject { ["refresh_interval"] = "-1" } },
        }.ToJsonString(), ct).ConfigureAwait(false);
        long count;
        try
        {
            count = await BulkAllAsync(index, entities, progress, ct).ConfigureAwait(false);
            await SendAsync(HttpMethod.PUT, $"/{index}/_settings", """{"index":{"refresh_interval":"1s"}}""", ct).ConfigureAwait(false);
            await SendAsync(HttpMethod.POST, $"/{index}/_refresh", null, ct).ConfigureAwait(false);
        }
        catch
        {
            await SendAsync(HttpMethod.DELETE, $"/{index}", null, CancellationToken.None, allowNotFound: true).ConfigureAwait(false);
            throw;
        }

        var actions = new JsonArray();
        foreach (var previous in old)
        {
            actions.Add(new JsonObject { ["remove"] = new JsonObject { ["index"] = previous, ["alias"] = _alias } });
        }

        actions.Add(new JsonObject { ["add"] = new JsonObject { ["index"] = index, ["alias"] = _alias } });
        await SendAsync(HttpMethod.POST, "/_aliases", new JsonObject { ["actions"] = actions }.ToJsonString(), ct).ConfigureAwait(false);
        foreach (var previous in old)
        {
            await SendAsync(HttpMethod.DELETE, $"/{previous}", null, ct, allowNotFound: true).ConfigureAwait(false);
        }

        return new IndexWriteResult(count, index, sw.Elapsed);
    }

    public async Task<IndexWriteResult> UpsertAsync(IEnumerable<Entity> entities, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        var current = await AliasIndicesAsync(ct).ConfigureAwait(false);
        if (current.Count == 0)
        {
            return await RebuildAsync(entities, progress, ct).ConfigureAwait(false);
        }

        var sw = Stopwatch.StartNew();
        var count = await BulkAllAsync(current[0], entities, progress, ct).ConfigureAwait(false);
        await SendAsync(HttpMethod.POST, $"/{current[0]}/_refresh", null, ct).ConfigureAwait(false);
        return new IndexWriteResult(count, current[0], sw.Elapsed);
    }

    public async Task DeleteAsync(IEnumerable<string> ids, CancellationToken ct = default)
    {
        var current = await AliasIndicesAsync(ct).ConfigureAwait(false);
        if (current.Count == 0)
        {
            return;
        }

        foreach (var chunk in ids.Chunk(_options.BatchSize))
        {
            var body = new StringBuilder();
            foreach (var id in chunk)
            {
                body.Append(new JsonObject { ["delete"] = new JsonObject { ["_index"] = current[0], ["_id"] = id } }.ToJsonString()).Append('\n');
            }

            await BulkWithRetriesAsync(body.ToString(), chunk.Length, ct).ConfigureAwait(false);
        }

        await SendAsync(HttpMethod.POST, $"/{current[0]}/_refresh", null, ct).ConfigureAwait(false);
    }

    private async Task<long> BulkAllAsync(string index, IEnumerable<Entity> entities, IProgress<long>? progress, CancellationToken ct)
    {
        using var inFlight = new SemaphoreSlim(_options.MaxConcurrentBulkRequests);
        var tasks = new List<Task>();
        var written = new StrongBox<long>(0);
        var body = new StringBuilder();
        var n = 0;

        async Task Flush()
        {
            var payload = body.ToString();
            var items = n;
            body.Clear();
            n = 0;
            await inFlight.WaitAsync(ct).ConfigureAwait(false);
            tasks.Add(Task.Run(async () =>
            {
                try
                {
                    await BulkWithRetriesAsync(payload, items, ct).ConfigureAwait(false);
                    // Counted whether or not anyone listens: ?. would skip evaluating the argument.
                var done = Interlocked.Add(ref written.Value, items);
                progress?.Report(done);
                }
                finally
                {
                    inFlight.Release();
                }
            }, ct));
            tasks.RemoveAll(t => t.IsCompletedSuccessfully);
            if (tasks.FirstOrDefault(t => t.IsFaulted) is { } failed)
            {
                await failed.ConfigureAwait(false);
            }
        }

        long total = 0;
        foreach (var entity in entities)
        {
            total++;
            var doc = IndexDocument.From(entity, _mapping);
            body.Append(new JsonObject { ["index"] = new JsonObject { ["_index"] = index, ["_id"] = doc.Id } }.ToJsonString()).Append('\n');
            body.Append(Document(doc).ToJsonString(Json)).Append('\n');
            if (++n >= _options.BatchSize)
            {
                await Flush().ConfigureAwait(false);
            }
        }

        if (n > 0)
        {
            await Flush().ConfigureAwait(false);
        }

        await Task.WhenAll(tasks).ConfigureAwait(false);
        // Every bulk request succeeded (a failure throws above), so every entity read was written.
        return total;
    }

    /// <summary>
    /// Sends one bulk body; on 429/503 or a transport failure waits (100 ms, doubling) and sends
    /// it again; items rejected with 429 are resent alone. Any other item error fails the write
    /// with the entity id and Elasticsearch's reason.
    /// </summary>
    private async Task BulkWithRetriesAsync(string ndjson, int items, CancellationToken ct)
    {
        var payload = ndjson;
        for (var attempt = 0; ; attempt++)
        {
            var response = await _client.Transport.RequestAsync<StringResponse>(
                new EndpointPath(HttpMethod.POST, "/_bulk"), PostData.String(payload), null, null, ct).ConfigureAwait(false);
            var status = response.ApiCallDetails.HttpStatusCode;
            if (status is null or 429 or 502 or 503 or 504)
            {
                if (attempt >= _options.MaxRetries)
                {
                    throw Failure("bulk indexing", response);
                }

                await Backoff(attempt, ct).ConfigureAwait(false);
                continue;
            }

            if (status is < 200 or >= 300)
            {
                throw Failure("bulk indexing", response);
            }

            using var doc = JsonDocument.Parse(response.Body);
            if (!doc.RootElement.GetProperty("errors").GetBoolean())
            {
                return;
            }

            var lines = payload.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var retry = new StringBuilder();
            var i = 0;
            foreach (var item in doc.RootElement.GetProperty("items").EnumerateArray())
            {
                var result = item.EnumerateObject().First().Value;
                var itemStatus = result.GetProperty("status").GetInt32();
                var isDelete = item.TryGetProperty("delete", out _);
                if (itemStatus == 429)
                {
                    retry.Append(lines[i]).Append('\n');
                    if (!isDelete)
                    {
                        retry.Append(lines[i + 1]).Append('\n');
                    }
                }
                else if (itemStatus >= 300 && !(isDelete && itemStatus == 404))
                {
                    var reason = result.TryGetProperty("error", out var e) ? e.GetRawText() : itemStatus.ToString(CultureInfo.InvariantCulture);
                    throw new OsintException($"Elasticsearch rejected entity '{result.GetProperty("_id").GetString()}': {reason}", 502);
                }

                i += isDelete ? 1 : 2;
            }

            if (retry.Length == 0)
            {
                return;
            }

            if (attempt >= _options.MaxRetries)
            {
                throw new OsintException($"Elasticsearch kept rejecting bulk items (429) after {_options.MaxRetries} retries", 503);
            }

            payload = retry.ToString();
            await Backoff(attempt, ct).ConfigureAwait(false);
        }
    }

    private static Task Backoff(int attempt, CancellationToken ct) =>
        Task.Delay(TimeSpan.FromMilliseconds(100 * Math.Pow(2, Math.Min(attempt, 8))), ct);

    private JsonObject Document(IndexDocument doc)
    {
        var json = new JsonObject
        {
            [IndexMapping.Id] = doc.Id,
            [IndexMapping.Schema] = doc.Schema.Name,
            [IndexMapping.Schemata] = Strings(doc.Schemata),
            [IndexMapping.Caption] = doc.Caption,
            [IndexMapping.Datasets] = Strings(doc.Datasets),
            [IndexMapping.Referents] = Strings(doc.Referents),
            ["entity"] = JsonNode.Parse(doc.Json),
        };
        foreach (var (group, values) in doc.Groups.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            json[group] = Strings(values);
            if (_mapping.Get(group).Kind is FieldKind.Name or FieldKind.Text)
            {
                json[group + ElasticsearchMapping.KeysSuffix] = doc.Keys(group);
            }
        }

        return json;
    }

    // ---- reading ------------------------------------------------------------------------------

    public async Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken ct = default)
    {
        var plan = QueryPlan.ForSearch(query, Model);
        var body = new JsonObject
        {
            ["from"] = query.Offset,
            ["size"] = query.Limit,
            ["track_total_hits"] = QueryLimits.MaxTotalCount,
            ["query"] = ElasticsearchQueryBuilder.Query(plan),
            ["_source"] = new JsonArray("entity"),
        };
        if (query.Facets.Count > 0)
        {
            body["aggs"] = ElasticsearchQueryBuilder.Aggregations(query.Facets);
        }

        if (query.Highlight && !string.IsNullOrWhiteSpace(query.Text))
        {
            body["highlight"] = ElasticsearchQueryBuilder.Highlight(query.Text);
        }

        using var doc = await SearchRawAsync(body, ct).ConfigureAwait(false);
        var root = doc.RootElement;
        var hits = root.GetProperty("hits");
        var total = hits.GetProperty("total");
        var results = hits.GetProperty("hits").EnumerateArray().Select(h =>
        {
            var entity = Decode(h);
            return new SearchHit(entity, h.GetProperty("_score").ValueKind == JsonValueKind.Number ? h.GetProperty("_score").GetDouble() : 0, Highlights(h, entity));
        }).ToList();
        var facets = new Dictionary<string, IReadOnlyList<FacetValue>>(StringComparer.Ordinal);
        if (root.TryGetProperty("aggregations", out var aggs))
        {
            foreach (var facet in query.Facets)
            {
                facets[facet] = aggs.GetProperty(facet).GetProperty("buckets").EnumerateArray()
                    .Select(b => new FacetValue(b.GetProperty("key").GetString()!, b.GetProperty("doc_count").GetInt64())).ToList();
            }
        }

        return new SearchResults(total.GetProperty("value").GetInt64(), total.GetProperty("relation").GetString() == "gte", results, facets);
    }

    public async Task<IReadOnlyList<SearchHit>> FindCandidatesAsync(MatchQuery query, CancellationToken ct = default)
    {
        var plan = QueryPlan.ForMatch(query, Model);
        if (plan.IsEmpty)
        {
            return [];
        }

        var body = new JsonObject
        {
            ["size"] = query.Limit,
            ["track_total_hits"] = false,
            ["query"] = ElasticsearchQueryBuilder.Query(plan),
            ["_source"] = new JsonArray("entity"),
        };
        using var doc = await SearchRawAsync(body, ct).ConfigureAwait(false);
        return doc.RootElement.GetProperty("hits").GetProperty("hits").EnumerateArray()
            .Select(h => new SearchHit(Decode(h), h.GetProperty("_score").GetDouble(), NoHighlights.None)).ToList();
    }

    public async Task<Entity?> GetAsync(string id, CancellationToken ct = default)
    {
        var response = await SendAsync(HttpMethod.GET, $"/{_alias}/_doc/{Uri.EscapeDataString(id)}?_source=entity", null, ct, allowNotFound: true).ConfigureAwait(false);
        if (response is null)
        {
            return null;
        }

        using var doc = JsonDocument.Parse(response);
        return doc.RootElement.GetProperty("found").GetBoolean() ? Decode(doc.RootElement) : null;
    }

    public async Task<IndexStatus> GetStatusAsync(CancellationToken ct = default)
    {
        var indices = await AliasIndicesAsync(ct).ConfigureAwait(false);
        if (indices.Count == 0)
        {
            return new IndexStatus(Backend, null, 0, $"{_options.ElasticsearchUrl} {_alias}");
        }

        var count = await SendAsync(HttpMethod.GET, $"/{_alias}/_count", null, ct).ConfigureAwait(false);
        using var doc = JsonDocument.Parse(count!);
        return new IndexStatus(Backend, indices[0], doc.RootElement.GetProperty("count").GetInt64(), $"{_options.ElasticsearchUrl} {_alias}");
    }

    private async Task<JsonDocument> SearchRawAsync(JsonObject body, CancellationToken ct)
    {
        var response = await SendAsync(HttpMethod.POST, $"/{_alias}/_search", body.ToJsonString(Json), ct, allowNotFound: true).ConfigureAwait(false)
            ?? throw new OsintException("no index has been built yet: run `osint index` first", 503);
        return JsonDocument.Parse(response);
    }

    private Entity Decode(JsonElement hit) =>
        EntityCodec.Decode(Encoding.UTF8.GetBytes(hit.GetProperty("_source").GetProperty("entity").GetRawText()), Model);

    /// <summary>Elasticsearch highlights per field; mapped back to the property whose value was marked.</summary>
    private static IReadOnlyDictionary<string, IReadOnlyList<string>> Highlights(JsonElement hit, Entity entity)
    {
        if (!hit.TryGetProperty("highlight", out var highlight))
        {
            return NoHighlights.None;
        }

        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var field in highlight.EnumerateObject())
        {
            foreach (var fragment in field.Value.EnumerateArray())
            {
                var marked = fragment.GetString()!;
                var plain = WebUtility.HtmlDecode(marked.Replace("<em>", "", StringComparison.Ordinal).Replace("</em>", "", StringComparison.Ordinal));
                var property = entity.Items().FirstOrDefault(x => x.Value.Value == plain).Property;
                if (property is null)
                {
                    continue;
                }

                var list = (List<string>)(result.TryGetValue(property.Name, out var l) ? l : result[property.Name] = new List<string>());
                list.Add(marked);
            }
        }

        return result;
    }

    private async Task<IReadOnlyList<string>> AliasIndicesAsync(CancellationToken ct)
    {
        var response = await SendAsync(HttpMethod.GET, $"/_alias/{_alias}", null, ct, allowNotFound: true).ConfigureAwait(false);
        if (response is null)
        {
            return [];
        }

        using var doc = JsonDocument.Parse(response);
        return doc.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
    }

    private async Task<string> NextIndexAsync(CancellationToken ct)
    {
        var response = await SendAsync(HttpMethod.GET, $"/_cat/indices/{_alias}-v*?format=json&h=index", null, ct, allowNotFound: true).ConfigureAwait(false);
        var max = 0;
        if (response is not null)
        {
            using var doc = JsonDocument.Parse(response);
            foreach (var row in doc.RootElement.EnumerateArray())
            {
                var name = row.GetProperty("index").GetString()!;
                if (int.TryParse(name.AsSpan(_alias.Length + 2), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                {
                    max = Math.Max(max, n);
                }
            }
        }

        return $"{_alias}-v{max + 1}";
    }

    /// <summary>One request; the body of a 2xx answer, null for an allowed 404, else an error naming the call.</summary>
    private async Task<string?> SendAsync(HttpMethod method, string path, string? body, CancellationToken ct, bool allowNotFound = false)
    {
        var response = await _client.Transport.RequestAsync<StringResponse>(
            new EndpointPath(method, path), body is null ? null : PostData.String(body), null, null, ct).ConfigureAwait(false);
        var status = response.ApiCallDetails.HttpStatusCode;
        if (allowNotFound && status == 404)
        {
            return null;
        }

        if (status is >= 200 and < 300)
        {
            return response.Body;
        }

        throw Failure($"{method} {path}", response);
    }

    private static OsintException Failure(string what, StringResponse response)
    {
        var status = response.ApiCallDetails.HttpStatusCode;
        var detail = response.Body is { Length: > 0 } b ? (b.Length > 500 ? b[..500] + "…" : b) : response.ApiCallDetails.OriginalException?.Message;
        return new OsintException($"Elasticsearch {what} failed ({(status?.ToString(CultureInfo.InvariantCulture) ?? "no response")}): {detail}",
            status is null ? 503 : 502, response.ApiCallDetails.OriginalException);
    }

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray());

    public void Dispose()
    {
    }

    private static class NoHighlights
    {
        public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> None = new Dictionary<string, IReadOnlyList<string>>();
    }
}
