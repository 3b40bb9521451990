using System.Collections.Frozen;
using OsintResolver.Text.Transliteration;

namespace OsintResolver.Text.Names;

/// <summary>A company legal form found in a name: its canonical form and family (limited, stock …).</summary>
public sealed record LegalForm(string Canonical, string Family);

/// <summary>
/// The table of company legal forms across languages (embedded <c>Data/legal_forms.tsv</c>).
/// Variants are written in their own script and normalised by the same pipeline as names, so
/// "ООО", "有限公司" and "Co., Ltd." are recognised after transliteration as token sequences.
/// </summary>
public static class LegalForms
{
    private static readonly Lazy<Table> Data = new(Table.Load);

    /// <summary>Longest variant, in tokens.</summary>
    internal static int MaxTokens => Data.Value.MaxTokens;

    /// <summary>The canonical form of a variant written alone (e.g. "Co., Ltd." → ltd), or null.</summary>
    public static LegalForm? Lookup(string variant)
    {
        var key = Latinizer.ToAscii(variant);
        return Data.Value.Forms.TryGetValue(key, out var entry) ? entry.Form : null;
    }

    /// <summary>Whether two forms describe different kinds of company (a GmbH is no AG).</summary>
    public static bool Conflict(LegalForm a, LegalForm b) =>
        a.Family != b.Family && a.Family != "company" && b.Family != "company";

    /// <summary>
    /// Removes legal forms from the end (and, for forms that stand there, the start) of a token
    /// list, leaving at least one token. Returns the forms found, outermost first.
    /// </summary>
    internal static List<LegalForm> Strip(List<string> tokens)
    {
        var found = new List<LegalForm>(1);
        var table = Data.Value;
        bool progress;
        do
        {
            progress = false;
            for (var k = Math.Min(table.MaxTokens, tokens.Count - 1); k >= 1 && table.LastWords.Contains(tokens[^1]); k--)
            {
                var key = string.Join(' ', tokens.GetRange(tokens.Count - k, k));
                if (table.Forms.TryGetValue(key, out var entry) && entry.End)
                {
                    found.Add(entry.Form);
                    tokens.RemoveRange(tokens.Count - k, k);
                    progress = true;
                    break;
                }
            }

            for (var k = Math.Min(table.MaxTokens, tokens.Count - 1); k >= 1 && table.FirstWords.Contains(tokens[0]); k--)
            {
                var key = string.Join(' ', tokens.GetRange(0, k));
                if (table.Forms.TryGetValue(key, out var entry) && entry.Start)
                {
                    found.Add(entry.Form);
                    tokens.RemoveRange(0, k);
                    progress = true;
                    break;
                }
            }
        }
        while (progress && tokens.Count > 1);

        return found;
    }

    private sealed record Entry(LegalForm Form, bool Start, bool End);

    private sealed class Table
    {
        public required FrozenDictionary<string, Entry> Forms { get; init; }

        /// <summary>Words that end or begin some variant: most names need no table lookup at all.</summary>
        public required FrozenSet<string> LastWords { get; init; }
        public required FrozenSet<string> FirstWords { get; init; }
        public int MaxTokens { get; init; }

        public static Table Load()
        {
            var forms = new Dictionary<string, Entry>(StringComparer.Ordinal);
            var max = 1;
            foreach (var cols in EmbeddedTable.Read("legal_forms"))
            {
                var key = Latinizer.ToAscii(cols[0]);
                if (key.Length == 0)
                {
                    continue;
                }

                var where = cols.Length > 3 ? cols[3] : "e";
                forms[key] = new Entry(new LegalForm(cols[1], cols[2]), where.Contains('s'), where.Contains('e'));
                max = Math.Max(max, key.Count(c => c == ' ') + 1);
            }

            return new Table
            {
                Forms = forms.ToFrozenDictionary(StringComparer.Ordinal),
                MaxTokens = max,
                LastWords = forms.Keys.Select(k => k[(k.LastIndexOf(' ') + 1)..]).ToFrozenSet(StringComparer.Ordinal),
                FirstWords = forms.Keys.Select(k => k.Split(' ')[0]).ToFrozenSet(StringComparer.Ordinal),
            };
        }
    }
}
