using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Store;
using Lucene.Net.Util;
using OsintResolver.Index.Analysis;
using OsintResolver.Index.Mapping;
using OsintResolver.Index.Querying;
using OsintResolver.Model.Entities;
using OsintResolver.Model.Errors;
using OsintResolver.Model.Schemata;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace OsintResolver.Index.LuceneIndex;

/// <summary>
/// The embedded index: Lucene.Net under <c>&lt;data-dir&gt;/index/</c>. Each rebuild writes a new
/// version folder (<c>v1</c>, <c>v2</c> …) and then points the <c>CURRENT</c> file at it with an
/// atomic rename — the embedded form of an alias swap. Readers in this or another process (a
/// running <c>osint serve</c>) notice the new version within a second and switch over; searches
/// in flight finish on the old one.
/// </summary>
internal sealed class LuceneEntityIndex : IEntityIndex
{
    private const string CurrentFile = "CURRENT";
    private static readonly long RefreshTicks = Stopwatch.Frequency;

    // Without length norms: a Han name indexes its characters and their pairs, so it is "longer"
    // than its romanisation, and that must not rank it lower.
    private static readonly FieldType NameFieldType = new(TextField.TYPE_NOT_STORED) { OmitNorms = true };

    private readonly IndexOptions _options;
    private readonly IndexMapping _mapping;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly System.Threading.Lock _swapGate = new();
    private Generation? _current;
    private long _lastCheck;

    public LuceneEntityIndex(IndexOptions options, IndexMapping? mapping = null)
    {
        _options = options;
        _mapping = mapping ?? IndexMapping.Default;
        System.IO.Directory.CreateDirectory(options.LucenePath);
        SwitchTo(ReadCurrent());
        _lastCheck = Stopwatch.GetTimestamp();
    }

    public string Backend => "lucene";

    private SchemaModel Model => _mapping.Model;

    // ---- writing ------------------------------------------------------------------------------

    public async Task<IndexWriteResult> RebuildAsync(IEnumerable<Entity> entities, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        await _writeGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var sw = Stopwatch.StartNew();
            var version = NextVersion();
            var path = Path.Combine(_options.LucenePath, version);
            long count;
            using (var dir = FSDirectory.Open(path))
            using (var writer = new IndexWriter(dir, WriterConfig(OpenMode.CREATE)))
            {
                try
                {
                    count = await WriteAllAsync(writer, entities, upsert: false, progress, ct).ConfigureAwait(false);
                    writer.Commit();
                }
                catch
                {
                    writer.Rollback();
                    TryDelete(path);
                    throw;
                }
            }

            var tmp = Path.Combine(_options.LucenePath, CurrentFile + ".tmp");
            await File.WriteAllTextAsync(tmp, version, ct).ConfigureAwait(false);
            File.Move(tmp, Path.Combine(_options.LucenePath, CurrentFile), overwrite: true);
            SwitchTo(version);
            DeleteOldVersions(version);
            return new IndexWriteResult(count, version, sw.Elapsed);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public async Task<IndexWriteResult> UpsertAsync(IEnumerable<Entity> entities, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        if (ReadCurrent() is null)
        {
            return await RebuildAsync(entities, progress, ct).ConfigureAwait(false);
        }

        await _writeGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var sw = Stopwatch.StartNew();
            var version = ReadCurrent()!;
            long count;
            using (var dir = FSDirectory.Open(Path.Combine(_options.LucenePath, version)))
            using (var writer = new IndexWriter(dir, WriterConfig(OpenMode.APPEND)))
            {
                count = await WriteAllAsync(writer, entities, upsert: true, progress, ct).ConfigureAwait(false);
                writer.Commit();
            }

            Refresh(force: true);
            return new IndexWriteResult(count, version, sw.Elapsed);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public async Task DeleteAsync(IEnumerable<string> ids, CancellationToken ct = default)
    {
        if (ReadCurrent() is not { } version)
        {
            return;
        }

        await _writeGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            using (var dir = FSDirectory.Open(Path.Combine(_options.LucenePath, version)))
            using (var writer = new IndexWriter(dir, WriterConfig(OpenMode.APPEND)))
            {
                writer.DeleteDocuments(ids.Select(id => new Term(IndexMapping.Id, id)).ToArray());
                writer.Commit();
            }

            Refresh(force: true);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private IndexWriterConfig WriterConfig(OpenMode mode) => new(LuceneVersion.LUCENE_48, NameAnalyzer.Instance)
    {
        OpenMode = mode,
        RAMBufferSizeMB = _options.LuceneRamBufferMb,
        UseCompoundFile = false,
        MaxThreadStates = Math.Max(2, Environment.ProcessorCount),
    };

    /// <summary>
    /// Entities are read on the calling thread and turned into documents on one worker per core;
    /// a bounded channel between them keeps memory flat (the reader waits when workers lag).
    /// </summary>
    private async Task<long> WriteAllAsync(IndexWriter writer, IEnumerable<Entity> entities, bool upsert, IProgress<long>? progress, CancellationToken ct)
    {
        var channel = Channel.CreateBounded<List<Entity>>(new BoundedChannelOptions(Environment.ProcessorCount * 2) { SingleWriter = true });
        var written = new StrongBox<long>(0);
        var workers = Enumerable.Range(0, Environment.ProcessorCount).Select(_ => Task.Run(async () =>
        {
            await foreach (var batch in channel.Reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                foreach (var entity in batch)
                {
                    var doc = ToDocument(IndexDocument.From(entity, _mapping));
                    if (upsert)
                    {
                        writer.UpdateDocument(new Term(IndexMapping.Id, entity.Id), doc);
                    }
                    else
                    {
                        writer.AddDocument(doc);
                    }
                }

                // Counted whether or not anyone listens: ?. would skip evaluating the argument.
                var done = Interlocked.Add(ref written.Value, batch.Count);
                progress?.Report(done);
            }
        }, ct)).ToArray();

        try
        {
            var batch = new List<Entity>(_options.BatchSize);
            foreach (var entity in entities)
            {
                batch.Add(entity);
                if (batch.Count >= _options.BatchSize)
                {
                    await channel.Writer.WriteAsync(batch, ct).ConfigureAwait(false);
                    batch = new List<Entity>(_options.BatchSize);
                }
            }

            if (batch.Count > 0)
            {
                await channel.Writer.WriteAsync(batch, ct).ConfigureAwait(false);
            }
        }
        finally
        {
            channel.Writer.TryComplete();
        }

        await Task.WhenAll(workers).ConfigureAwait(false);
        return written.Value;
    }

    private Document ToDocument(IndexDocument source)
    {
        var doc = new Document
        {
            new StringField(IndexMapping.Id, source.Id, Field.Store.NO),
            new StringField(IndexMapping.Schema, source.Schema.Name, Field.Store.NO),
            new SortedSetDocValuesField(FacetCollector.Field, new BytesRef(FacetCollector.Value(Facets.Schema, source.Schema.Name))),
            new StoredField(IndexMapping.Source, source.Json),
        };
        foreach (var schema in source.Schemata)
        {
            doc.Add(new StringField(IndexMapping.Schemata, schema, Field.Store.NO));
        }

        foreach (var dataset in source.Datasets)
        {
            doc.Add(new StringField(IndexMapping.Datasets, dataset, Field.Store.NO));
            doc.Add(new SortedSetDocValuesField(FacetCollector.Field, new BytesRef(FacetCollector.Value(Facets.Datasets, dataset))));
        }

        foreach (var referent in source.Referents)
        {
            doc.Add(new StringField(IndexMapping.Referents, referent, Field.Store.NO));
        }

        foreach (var (group, values) in source.Groups)
        {
            var kind = _mapping.Get(group).Kind;
            var facet = group is Facets.Countries or Facets.Topics;
            foreach (var value in values)
            {
                doc.Add(kind switch
                {
                    FieldKind.Name => new Field(group, value, NameFieldType),
                    FieldKind.Text => new TextField(group, value, Field.Store.NO),
                    _ => new StringField(group, value, Field.Store.NO),
                });
                if (facet)
                {
                    doc.Add(new SortedSetDocValuesField(FacetCollector.Field, new BytesRef(FacetCollector.Value(group, value))));
                }
            }
        }

        return doc;
    }

    // ---- reading ------------------------------------------------------------------------------

    public Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken ct = default)
    {
        var plan = QueryPlan.ForSearch(query, Model);
        var lucene = LuceneQueryBuilder.Build(plan);
        var filter = LuceneQueryBuilder.Filter(plan);
        return Task.FromResult(WithSearcher(searcher =>
        {
            var top = TopScoreDocCollector.Create(Math.Max(1, query.Offset + query.Limit), true);
            var facets = new FacetCollector(query.Facets);
            searcher.Search(lucene, filter, MultiCollector.Wrap(top, facets));
            var docs = top.GetTopDocs(query.Offset, query.Limit).ScoreDocs;
            // Rewritten once against the index: fuzzy and prefix words become the terms they
            // matched, so highlighting each hit is plain term matching.
            var highlighter = query.Highlight && !plan.IsEmpty && docs.Length > 0 ? new Highlights(searcher.Rewrite(lucene)) : null;
            var hits = docs.Select(d =>
            {
                var entity = Load(searcher, d.Doc);
                return new SearchHit(entity, d.Score, highlighter?.For(entity) ?? Highlights.None);
            }).ToList();
            return new SearchResults(top.TotalHits, false, hits, facets.Result(QueryLimits.MaxFacetValues));
        }));
    }

    public Task<IReadOnlyList<SearchHit>> FindCandidatesAsync(MatchQuery query, CancellationToken ct = default)
    {
        var plan = QueryPlan.ForMatch(query, Model);
        if (plan.IsEmpty)
        {
            return Task.FromResult<IReadOnlyList<SearchHit>>([]);
        }

        var filter = LuceneQueryBuilder.Filter(plan);
        return Task.FromResult(WithSearcher<IReadOnlyList<SearchHit>>(searcher =>
        {
            var lucene = LuceneQueryBuilder.Build(LuceneQueryBuilder.TuneForMatch(plan, searcher.IndexReader));
            return searcher.Search(lucene, filter, query.Limit).ScoreDocs
                .Select(d => new SearchHit(Load(searcher, d.Doc), d.Score, Highlights.None)).ToList();
        }));
    }

    public Task<Entity?> GetAsync(string id, CancellationToken ct = default) =>
        Task.FromResult(WithSearcher(searcher =>
        {
            var docs = searcher.Search(new TermQuery(new Term(IndexMapping.Id, id)), 1).ScoreDocs;
            return docs.Length == 0 ? null : Load(searcher, docs[0].Doc);
        }));

    public Task<IndexStatus> GetStatusAsync(CancellationToken ct = default)
    {
        Refresh(force: false);
        var generation = _current;
        if (generation is null)
        {
            return Task.FromResult(new IndexStatus(Backend, null, 0, _options.LucenePath));
        }

        var count = WithSearcher(s => (long)s.IndexReader.NumDocs);
        return Task.FromResult(new IndexStatus(Backend, generation.Version, count, Path.Combine(_options.LucenePath, generation.Version)));
    }

    private Entity Load(IndexSearcher searcher, int doc)
    {
        var stored = searcher.Doc(doc, new HashSet<string> { IndexMapping.Source });
        var bytes = stored.GetBinaryValue(IndexMapping.Source);
        return EntityCodec.Decode(bytes.Bytes.AsSpan(bytes.Offset, bytes.Length), Model);
    }

    private T WithSearcher<T>(Func<IndexSearcher, T> work)
    {
        Refresh(force: false);
        for (var attempt = 0; ; attempt++)
        {
            var generation = _current ?? throw new OsintException("no index has been built yet: run `osint index` first", 503);
            IndexSearcher searcher;
            try
            {
                searcher = generation.Searchers.Acquire();
            }
            catch (ObjectDisposedException) when (attempt < 3)
            {
                // A rebuild swapped versions between reading _current and acquiring: use the new one.
                continue;
            }

            try
            {
                return work(searcher);
            }
            finally
            {
                generation.Searchers.Release(searcher);
            }
        }
    }

    /// <summary>Picks up a new version or new commits, at most once a second unless forced.</summary>
    private void Refresh(bool force)
    {
        var now = Stopwatch.GetTimestamp();
        if (!force && now - Interlocked.Read(ref _lastCheck) < RefreshTicks)
        {
            return;
        }

        Interlocked.Exchange(ref _lastCheck, now);
        var version = ReadCurrent();
        if (version != _current?.Version)
        {
            SwitchTo(version);
        }
        else if (force)
        {
            _current?.Searchers.MaybeRefreshBlocking();
        }
        else
        {
            _current?.Searchers.MaybeRefresh();
        }
    }

    private void SwitchTo(string? version)
    {
        lock (_swapGate)
        {
            if (version == _current?.Version)
            {
                _current?.Searchers.MaybeRefreshBlocking();
                return;
            }

            var old = _current;
            _current = version is null ? null : Generation.Open(Path.Combine(_options.LucenePath, version), version);
            old?.Dispose();
        }
    }

    private string? ReadCurrent()
    {
        var file = Path.Combine(_options.LucenePath, CurrentFile);
        try
        {
            var version = File.ReadAllText(file).Trim();
            return version.Length > 0 && System.IO.Directory.Exists(Path.Combine(_options.LucenePath, version)) ? version : null;
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    private string NextVersion()
    {
        var max = System.IO.Directory.EnumerateDirectories(_options.LucenePath, "v*")
            .Select(d => int.TryParse(Path.GetFileName(d)[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0).Max();
        return "v" + (max + 1).ToString(CultureInfo.InvariantCulture);
    }

    private void DeleteOldVersions(string keep)
    {
        foreach (var dir in System.IO.Directory.EnumerateDirectories(_options.LucenePath, "v*"))
        {
            if (Path.GetFileName(dir) != keep)
            {
                // Open readers elsewhere keep their (unlinked) files until they switch.
                TryDelete(dir);
            }
        }
    }

    private static void TryDelete(string dir)
    {
        try
        {
            System.IO.Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    public void Dispose()
    {
        lock (_swapGate)
        {
            _current?.Dispose();
            _current = null;
        }

        _writeGate.Dispose();
    }

    private sealed class Generation : IDisposable
    {
        private readonly LuceneDirectory _directory;

        private Generation(string version, LuceneDirectory directory, SearcherManager searchers)
        {
            Version = version;
            _directory = directory;
            Searchers = searchers;
        }

        public string Version { get; }
        public SearcherManager Searchers { get; }

        public static Generation Open(string path, string version)
        {
            var dir = FSDirectory.Open(path);
            return new Generation(version, dir, new SearcherManager(dir, null));
        }

        public void Dispose()
        {
            Searchers.Dispose();
            _directory.Dispose();
        }
    }

    /// <summary>Marks query matches in names and addresses, HTML-escaped, with &lt;em&gt;.</summary>
    private sealed class Highlights(Query query)
    {
        public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> None = new Dictionary<string, IReadOnlyList<string>>();

        private readonly Dictionary<string, Highlighter> _highlighters = new(StringComparer.Ordinal);

        public IReadOnlyDictionary<string, IReadOnlyList<string>> For(Entity entity)
        {
            var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            foreach (var (property, value) in entity.Items())
            {
                if (IndexMapping.Default.FieldFor(property.Type) is not { Kind: FieldKind.Name or FieldKind.Text } field || field.Name == "text")
                {
                    continue;
                }

                if (Highlighter(field.Name).GetBestFragment(NameAnalyzer.Instance, field.Name, value.Value) is { } marked)
                {
                    var list = (List<string>)(result.TryGetValue(property.Name, out var l) ? l : result[property.Name] = new List<string>());
                    list.Add(marked);
                }
            }

            return result;
        }

        private Highlighter Highlighter(string field)
        {
            if (!_highlighters.TryGetValue(field, out var highlighter))
            {
                highlighter = new Highlighter(new SimpleHTMLFormatter("<em>", "</em>"), new SimpleHTMLEncoder(), new QueryScorer(query, field) { ExpandMultiTermQuery = false })
                {
                    TextFragmenter = new NullFragmenter(),
                };
                _highlighters[field] = highlighter;
            }

            return highlighter;
        }
    }
}
