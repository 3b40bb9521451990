#!/usr/bin/env python3
"""Authors contract.json, the recorded Elasticsearch exchanges the contract tests replay.

No cluster can run where these tests were written, so the responses are AUTHORED, not captured:
requests are exactly what the backend sent (captured with OSINT_ES_CAPTURE=DIR, see
RecordedElasticsearch.cs), and each response is written in Elasticsearch 9's documented shape,
with the hits a cluster would return for the contract entities listed by hand below (_source,
aggregations and highlights are computed from the bulk request itself). Re-run after changing the
mapping or the query DSL, until the tests pass (each capture run records every request, matched
or not, so the last run's capture is complete):
  OSINT_ES_CAPTURE=/tmp/cap dotnet test tests/OsintResolver.Index.Tests --filter FullyQualifiedName~ElasticsearchRecorded
  python3 author.py /tmp/cap > contract.json
When a live cluster is available, run the tests with OSINT_ELASTICSEARCH_URL set instead.
"""
import glob, html, json, re, sys

captures = []
for d in sys.argv[1:]:
    captures += [json.load(open(f)) for f in sorted(glob.glob(d + '/*.json'))]

docs = {}
for c in captures:
    if c['path'] == '/_bulk':
        lines = c['body'].strip().split('\n')
        for action, doc in zip(lines[::2], lines[1::2]):
            doc = json.loads(doc)
            docs[doc['id']] = doc

# (predicate over the query's keys and filters) -> ids in the order a cluster ranks them
def rules(keys, filters, body):
    k = set(keys)
    f = dict(filters)
    if not keys and 'topics' in f:
        return ['hx-cn', 'person-ma', 'vessel-chonma', 'co-shipping']
    if 'imo' in k or ('8660313' in k and 'unknown' not in k):
        return ['vessel-chonma']
    if 'unknown' in k:
        return ['vessel-chonma']
    if '529900T8BM49AURSDO55' in k or '529900t8bm49aursdo55' in k:
        return ['co-golden']
    if {'ma', 'xiaohong'} <= k:
        return ['person-ma'] if '"LegalEntity"' in f.get('schemata', '') else []
    if 'hongxaing' in k:
        return ['hx-en', 'hx-cn']
    if 'donghong' in k and 'schema' in f:
        return ['hx-cn', 'hx-en']
    if 'donghong' in k:
        return ['hx-cn', 'hx-en']
    if {'dandong', 'hongxiang'} <= k:
        return ['hx-en', 'hx-cn']
    if {'golden', 'star'} <= k:
        return ['co-golden']
    if {'golden', 'shipping'} <= k:
        return ['co-golden-gate']
    if 'golden' in k:
        return ['co-golden'] if 'countries' in f else ['co-golden', 'co-golden-gate']
    if k == {'chonma'}:
        return ['co-shipping']
    if 'shiping' in k:
        return ['co-shipping'] if '"fuzzy"' in body else []
    if {'ivan', 'petrov'} <= k:
        return ['person-petrov']
    raise SystemExit('no rule for keys %s filters %s' % (keys, filters))

def highlight(doc, text):
    words = {w.lower() for w in re.findall(r'\w+', text or '')}
    out = {}
    for field in ('names', 'addresses'):
        frags = []
        for value in doc.get(field, []):
            marked = re.sub(r'\w+', lambda m: '<em>%s</em>' % m.group(0) if m.group(0).lower() in words else m.group(0), html.escape(value))
            if '<em>' in marked:
                frags.append(marked)
        if frags:
            out[field] = frags
    return out

def buckets(ids, field):
    counts = {}
    for i in ids:
        values = docs[i].get(field, [])
        for v in ([values] if isinstance(values, str) else values):
            counts[v] = counts.get(v, 0) + 1
    return [{'key': k, 'doc_count': n} for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]

def search(c):
    body = json.loads(c['body'])
    text = json.dumps(body)
    keys = re.findall(r'"value": "([^"]+)"', text)
    filters = re.findall(r'"terms": \{"([a-z_]+)": \[([^\]]*)\]', text)
    ids = rules(keys, filters, c['body'])
    start, size = body.get('from', 0), body['size']
    query_text = None
    if 'highlight' in body:
        q = body['highlight']['fields']['names']['highlight_query']['match']['names']['query']
        query_text = q
    hits = []
    for rank, i in enumerate(ids[start:start + size]):
        hit = {'_index': 'osint-entities-v1', '_id': i, '_score': round(10.0 / (rank + start + 1), 4),
               '_source': {'entity': docs[i]['entity']}}
        if query_text:
            h = highlight(docs[i], query_text)
            if h:
                hit['highlight'] = h
        hits.append(hit)
    response = {'took': 3, 'timed_out': False, '_shards': {'total': 1, 'successful': 1, 'skipped': 0, 'failed': 0},
                'hits': {'max_score': hits[0]['_score'] if hits else None, 'hits': hits}}
    if body.get('track_total_hits') is not False:
        response['hits']['total'] = {'value': len(ids), 'relation': 'eq'}
    if 'aggs' in body:
        response['aggregations'] = {name: {'doc_count_error_upper_bound': 0, 'sum_other_doc_count': 0,
                                           'buckets': buckets(ids, agg['terms']['field'])}
                                    for name, agg in body['aggs'].items()}
    return 200, response

def respond(c):
    m, p = c['method'], c['path']
    if '_search' in p:
        return search(c)
    if p.startswith('/_index_template/') or p == '/_aliases' or p.endswith('/_settings'):
        return 200, {'acknowledged': True}
    if m == 'GET' and p.startswith('/_alias/'):
        return 404, {'error': 'alias [osint-entities] missing', 'status': 404}
    if p.startswith('/_cat/indices'):
        return 200, []
    if m == 'PUT':
        return 200, {'acknowledged': True, 'shards_acknowledged': True, 'index': p.strip('/')}
    if p == '/_bulk':
        lines = c['body'].strip().split('\n')
        items = [{'index': {'_index': json.loads(a)['index']['_index'], '_id': json.loads(a)['index']['_id'], '_version': 1,
                            'result': 'created', '_shards': {'total': 1, 'successful': 1, 'failed': 0}, 'status': 201}}
                 for a in lines[::2]]
        return 200, {'errors': False, 'took': 40, 'items': items}
    if p.endswith('/_refresh'):
        return 200, {'_shards': {'total': 1, 'successful': 1, 'failed': 0}}
    if '/_doc/' in p:
        i = p.split('/_doc/')[1].split('?')[0]
        if i in docs:
            return 200, {'_index': 'osint-entities-v1', '_id': i, '_version': 1, 'found': True, '_source': {'entity': docs[i]['entity']}}
        return 404, {'_index': 'osint-entities-v1', '_id': i, 'found': False}
    raise SystemExit('no response for %s %s' % (m, p))

seen = set()
exchanges = []
for c in captures:
    key = (c['method'], c['path'], json.dumps([json.loads(l) for l in (c['body'] or '').split('\n') if l.strip()], sort_keys=True))
    if key in seen:
        continue
    seen.add(key)
    status, response = respond(c)
    exchanges.append({'method': c['method'], 'path': c['path'], 'body': c['body'], 'status': status, 'response': response})
json.dump(exchanges, sys.stdout, ensure_ascii=False, indent=1)
