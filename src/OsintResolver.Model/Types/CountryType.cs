using System.Collections.Frozen;
using OsintResolver.Model.Errors;

namespace OsintResolver.Model.Types;

/// <summary>
/// A country or territory as a lower-case ISO 3166-1 alpha-2 code (FtM style), plus FtM's codes
/// for entities ISO does not cover (xk Kosovo, suhh Soviet Union, eu, zz global, ua-cri Crimea …).
/// Names, alpha-3 codes and common aliases ("DPRK", "Korea, North") clean to the code.
/// </summary>
public sealed class CountryType : PropertyType
{
    private readonly Lazy<Table> _table = new(Table.Load);

    internal CountryType()
    {
    }

    public override string Name => "country";
    public override int MaxLength => 16;

    /// <summary>The English name of a country code, or null.</summary>
    public string? Label(string code) => _table.Value.Names.GetValueOrDefault(code.ToLowerInvariant());

    /// <summary>All codes with their English names.</summary>
    public IReadOnlyDictionary<string, string> Names => _table.Value.Names;

    private protected override bool TryCleanCore(string text, out string cleaned, out string? error)
    {
        var key = NameType.Fold(text);
        if (key.Length > 0 && _table.Value.Lookup.TryGetValue(key, out var code))
        {
            cleaned = code;
            error = null;
            return true;
        }

        // Codes with hyphens (ua-cri) fold to "ua cri"; also try the raw lower-case form.
        if (_table.Value.Names.ContainsKey(text.ToLowerInvariant()))
        {
            cleaned = text.ToLowerInvariant();
            error = null;
            return true;
        }

        cleaned = "";
        error = "not a known country name or ISO 3166 code";
        return false;
    }

    public override string? Key(string value) => value;

    private sealed class Table
    {
        public required FrozenDictionary<string, string> Lookup { get; init; }
        public required FrozenDictionary<string, string> Names { get; init; }

        public static Table Load()
        {
            using var stream = typeof(CountryType).Assembly.GetManifestResourceStream("Types.countries.tsv")
                ?? throw new OsintException("embedded country table is missing");
            using var reader = new StreamReader(stream);
            var lookup = new Dictionary<string, string>(StringComparer.Ordinal);
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            while (reader.ReadLine() is { } line)
            {
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                var cols = line.Split('\t');
                var code = cols[0];
                names[code] = cols[1];
                lookup[NameType.Fold(code)] = code;
                if (cols[2].Length > 0)
                {
                    lookup.TryAdd(NameType.Fold(cols[2]), code);
                }

                foreach (var alias in cols[3].Split('|', StringSplitOptions.RemoveEmptyEntries))
                {
                    lookup.TryAdd(NameType.Fold(alias), code);
                }
            }

            // Two-letter aliases that collide with codes must not win over the codes themselves.
            foreach (var code in names.Keys)
            {
                lookup[NameType.Fold(code)] = code;
            }

            lookup["uk"] = "gb";
            return new Table { Lookup = lookup.ToFrozenDictionary(), Names = names.ToFrozenDictionary() };
        }
    }
}

/// <summary>An ISO 639 language code, cleaned to lower case (FtM stores ISO 639-3).</summary>
public sealed class LanguageType : PropertyType
{
    internal LanguageType()
    {
    }

    public override string Name => "language";
    public override bool Matchable => false;
    public override int MaxLength => 3;

    private protected override bool TryCleanCore(string text, out string cleaned, out string? error)
    {
        cleaned = text.ToLowerInvariant();
        if (cleaned.Length is 2 or 3 && cleaned.All(c => c is >= 'a' and <= 'z'))
        {
            error = null;
            return true;
        }

        cleaned = "";
        error = "not an ISO 639 language code";
        return false;
    }
}
