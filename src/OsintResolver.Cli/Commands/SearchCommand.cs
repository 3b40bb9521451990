using System.CommandLine;
using OsintResolver.Index.Querying;
using Spectre.Console;

namespace OsintResolver.Cli.Commands;

internal static class SearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("query") { Description = "Names in any script, identifiers; a trailing * asks for a prefix" };
        var schema = new Option<string[]>("--schema") { Description = "Only these schemata (and descendants)", AllowMultipleArgumentsPerToken = true };
        var country = new Option<string[]>("--country") { Description = "Only these countries (code or name)", AllowMultipleArgumentsPerToken = true };
        var dataset = new Option<string[]>("--dataset") { Description = "Only these datasets", AllowMultipleArgumentsPerToken = true };
        var topic = new Option<string[]>("--topic") { Description = "Only these topics, e.g. sanction", AllowMultipleArgumentsPerToken = true };
        var limit = new Option<int>("--limit") { Description = $"Results to show (1–{QueryLimits.MaxLimit})", DefaultValueFactory = _ => 10 };
        var offset = new Option<int>("--offset") { Description = "Skip this many results" };
        var exact = new Option<bool>("--exact") { Description = "No fuzzy matching of misspellings" };

        var command = new Command("search", "Search the index") { query, schema, country, dataset, topic, limit, offset, exact };
        IndexBackendOptions.AddTo(command);
        command.SetAction(CliContext.Action(async (ctx, ct) =>
        {
            using var index = IndexBackendOptions.Open(ctx);
            var request = new SearchQuery
            {
                Text = ctx.Parse.GetValue(query),
                Schemata = ctx.Parse.GetValue(schema) ?? [],
                Countries = ctx.Parse.GetValue(country) ?? [],
                Datasets = ctx.Parse.GetValue(dataset) ?? [],
                Topics = ctx.Parse.GetValue(topic) ?? [],
                Limit = ctx.Parse.GetValue(limit),
                Offset = ctx.Parse.GetValue(offset),
                Fuzzy = !ctx.Parse.GetValue(exact),
                Highlight = false,
            };
            var results = await index.SearchAsync(request, ct).ConfigureAwait(false);
            if (ctx.Json)
            {
                ctx.WriteJson(new
                {
                    total = results.Total,
                    results = results.Hits.Select(h => new
                    {
                        id = h.Entity.Id,
                        schema = h.Entity.Schema.Name,
                        caption = h.Entity.Caption,
                        score = Math.Round(h.Score, 4),
                        datasets = h.Entity.Datasets,
                        referents = h.Entity.Referents.Order(StringComparer.Ordinal),
                        properties = h.Entity.PropertyNames.ToDictionary(p => p, p => h.Entity.Get(p).ToList()),
                    }),
                    facets = results.Facets.ToDictionary(f => f.Key, f => f.Value.Select(v => new { value = v.Value, count = v.Count })),
                });
                return 0;
            }

            var table = new Table().AddColumns("score", "id", "schema", "name", "countries", "datasets");
            foreach (var hit in results.Hits)
            {
                var e = hit.Entity;
                var countries = string.Join(", ", e.GetTypeValues(Model.Types.PropertyTypes.Country).Distinct());
                table.AddRow(hit.Score.ToString("F2"), Markup.Escape(e.Id), e.Schema.Name, Markup.Escape(e.Caption), countries, Markup.Escape(string.Join(", ", e.Datasets)));
            }

            ctx.Console.Write(table);
            ctx.Console.WriteLine($"{results.Total:N0} matching entities{(results.TotalIsLowerBound ? " or more" : "")}");
            return 0;
        }));
        return command;
    }
}
