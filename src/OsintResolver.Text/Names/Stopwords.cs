using System.Collections.Frozen;

namespace OsintResolver.Text.Names;

/// <summary>Words that carry no identity in a name ("the", "of", titles of persons).</summary>
public static class Stopwords
{
    private static readonly Lazy<(FrozenSet<string> Any, FrozenSet<string> Person)> Data = new(() =>
    {
        var any = new HashSet<string>(StringComparer.Ordinal);
        var person = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cols in EmbeddedTable.Read("stopwords"))
        {
            (cols.Length > 1 && cols[1] == "person" ? person : any).Add(cols[0]);
        }

        person.UnionWith(any);
        return (any.ToFrozenSet(StringComparer.Ordinal), person.ToFrozenSet(StringComparer.Ordinal));
    });

    public static bool Contains(string token, NameKind kind) =>
        (kind == NameKind.Person ? Data.Value.Person : Data.Value.Any).Contains(token);
}

internal static class EmbeddedTable
{
    /// <summary>Rows of an embedded tab-separated table, without comments and blank lines.</summary>
    public static IEnumerable<string[]> Read(string name)
    {
        using var stream = typeof(EmbeddedTable).Assembly.GetManifestResourceStream($"Text.{name}.tsv")
            ?? throw new InvalidOperationException($"embedded table {name}.tsv is missing");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            yield return line.Split('\t');
        }
    }
}
