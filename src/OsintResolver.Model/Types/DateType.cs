using System.Globalization;
using System.Text.RegularExpressions;

namespace OsintResolver.Model.Types;

/// <summary>
/// An ISO 8601 date at the precision the source gives: <c>1957</c>, <c>1957-08</c>,
/// <c>1957-08-15</c>, or a date-time down to seconds. Impossible dates (1957-02-30) are invalid.
/// </summary>
public sealed partial class DateType : PropertyType
{
    internal DateType()
    {
    }

    public override string Name => "date";
    public override int MaxLength => 19;

    [GeneratedRegex(@"^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2})(?::(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$")]
    private static partial Regex IsoPattern();

    private protected override bool TryCleanCore(string text, out string cleaned, out string? error)
    {
        cleaned = "";
        var m = IsoPattern().Match(text);
        if (!m.Success)
        {
            error = "not an ISO 8601 date (expected YYYY, YYYY-MM, YYYY-MM-DD or a date-time)";
            return false;
        }

        var year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        if (year is < 1000 or > 2200)
        {
            error = $"year {year} is out of range";
            return false;
        }

        cleaned = m.Groups[1].Value;
        if (!m.Groups[2].Success)
        {
            error = null;
            return true;
        }

        var month = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12)
        {
            error = $"month {month} does not exist";
            cleaned = "";
            return false;
        }

        cleaned += "-" + m.Groups[2].Value;
        if (!m.Groups[3].Success)
        {
            error = null;
            return true;
        }

        var day = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
        if (day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            error = $"day {day} does not exist in {year:D4}-{month:D2}";
            cleaned = "";
            return false;
        }

        cleaned += "-" + m.Groups[3].Value;
        string[] limits = ["24", "60", "60"];
        string[] separators = ["T", ":", ":"];
        for (var g = 4; g <= 6 && m.Groups[g].Success; g++)
        {
            if (string.CompareOrdinal(m.Groups[g].Value, limits[g - 4]) >= 0)
            {
                error = $"time component {m.Groups[g].Value} is out of range";
                cleaned = "";
                return false;
            }

            cleaned += separators[g - 4] + m.Groups[g].Value;
        }

        error = null;
        return true;
    }

    /// <summary>1 when one date is a prefix of the other (1957 vs 1957-08-15), else 0.</summary>
    public override double Compare(string left, string right)
    {
        var n = Math.Min(left.Length, right.Length);
        return string.CompareOrdinal(left, 0, right, 0, n) == 0 ? 1.0 : 0.0;
    }

    /// <summary>
    /// Parses a date written in one of the given .NET formats (e.g. "dd/MM/yyyy", "yyyyMMdd") and
    /// returns it at the precision the format carries.
    /// </summary>
    public static bool TryParseExact(string raw, IEnumerable<string> formats, out string iso)
    {
        iso = "";
        raw = raw.Trim();
        foreach (var format in formats)
        {
            if (DateTime.TryParseExact(raw, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt))
            {
                var hasDay = format.Contains('d', StringComparison.Ordinal);
                var hasMonth = format.Contains('M', StringComparison.Ordinal);
                iso = hasDay ? dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                    : hasMonth ? dt.ToString("yyyy-MM", CultureInfo.InvariantCulture)
                    : dt.ToString("yyyy", CultureInfo.InvariantCulture);
                return true;
            }
        }

        return false;
    }
}
