using System.Globalization;

namespace OsintResolver.Resolution.Profiles;

/// <summary>A date at the precision a source gave it: a year, a month or a day.</summary>
internal readonly record struct PartialDate(int Year, int Month, int Day)
{
    public int Precision => Day > 0 ? 3 : Month > 0 ? 2 : 1;

    /// <summary>Parses the FtM forms YYYY, YYYY-MM and YYYY-MM-DD (a time part is ignored).</summary>
    public static PartialDate? Parse(string value)
    {
        if (value.Length < 4 || !int.TryParse(value.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return null;
        }

        var month = 0;
        var day = 0;
        if (value.Length >= 7 && value[4] == '-' && int.TryParse(value.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m))
        {
            month = m;
            if (value.Length >= 10 && value[7] == '-' && int.TryParse(value.AsSpan(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var d))
            {
                day = d;
            }
        }

        return new PartialDate(year, month, day);
    }

    /// <summary>
    /// How well two dates agree: 1 the same day; 0.9/0.8 the same month/year where one side
    /// is less precise; 0.7 day and month swapped; 0.6/0.3 one/two digits typed wrong; 0 otherwise.
    /// </summary>
    public static double Similarity(PartialDate a, PartialDate b)
    {
        if (a.Year == b.Year)
        {
            if (a.Precision == 1 || b.Precision == 1)
            {
                return 0.8;
            }

            if (a.Month == b.Month)
            {
                return a.Precision == 2 || b.Precision == 2 ? 0.9 : a.Day == b.Day ? 1.0 : DigitSimilarity(a, b);
            }

            if (a.Precision == 3 && b.Precision == 3 && a.Month == b.Day && a.Day == b.Month)
            {
                return 0.7;
            }
        }

        return a.Precision == 3 && b.Precision == 3 ? Math.Max(DigitSimilarity(a, b), Nearness(a, b)) : 0.0;
    }

    /// <summary>Dates a few days or about a month apart: a mistaken day or month in one record.</summary>
    private static double Nearness(PartialDate a, PartialDate b)
    {
        if (a.Month is < 1 or > 12 || b.Month is < 1 or > 12 || a.Day < 1 || b.Day < 1 ||
            a.Day > DateTime.DaysInMonth(Math.Clamp(a.Year, 1, 9999), a.Month) || b.Day > DateTime.DaysInMonth(Math.Clamp(b.Year, 1, 9999), b.Month))
        {
            return 0.0;
        }

        var days = Math.Abs((new DateTime(Math.Clamp(a.Year, 1, 9999), a.Month, a.Day) - new DateTime(Math.Clamp(b.Year, 1, 9999), b.Month, b.Day)).TotalDays);
        return days switch { <= 3 => 0.5, <= 35 => 0.4, _ => 0.0 };
    }

    private static double DigitSimilarity(PartialDate a, PartialDate b)
    {
        Span<char> x = stackalloc char[8];
        Span<char> y = stackalloc char[8];
        a.Format(x);
        b.Format(y);
        var differences = 0;
        for (var i = 0; i < 8; i++)
        {
            if (x[i] != y[i])
            {
                differences++;
            }
        }

        return differences switch { 0 => 1.0, 1 => 0.6, 2 => 0.3, _ => 0.0 };
    }

    private void Format(Span<char> into)
    {
        Year.TryFormat(into[..4], out _, "D4", CultureInfo.InvariantCulture);
        Month.TryFormat(into[4..6], out _, "D2", CultureInfo.InvariantCulture);
        Day.TryFormat(into[6..8], out _, "D2", CultureInfo.InvariantCulture);
    }

    public override string ToString() => Precision switch
    {
        3 => $"{Year:D4}-{Month:D2}-{Day:D2}",
        2 => $"{Year:D4}-{Month:D2}",
        _ => $"{Year:D4}",
    };
}
