using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;

namespace OsintResolver.Model.Types;

/// <summary>
/// A reference to another entity by id. Ids are 1–200 characters of letters, digits and
/// <c>.-_:</c>, starting and ending with a letter or digit, as FtM requires.
/// </summary>
public sealed partial class EntityType : PropertyType
{
    internal EntityType()
    {
    }

    public override string Name => "entity";
    public override bool Matchable => false;
    public override int MaxLength => 200;

    [GeneratedRegex(@"^[0-9A-Za-z]([0-9A-Za-z\.\-_:]*[0-9A-Za-z])?$")]
    private static partial Regex IdPattern();

    public static bool IsValidId(string id) => id.Length is > 0 and <= 200 && IdPattern().IsMatch(id);

    private protected override bool TryCleanCore(string text, out string cleaned, out string? error)
    {
        cleaned = text;
        error = IsValidId(text) ? null : "not an entity id (letters, digits and .-_: only)";
        return error is null;
    }

    public override string? Key(string value) => value;
}

/// <summary>A number, optionally with a unit or thousands separators as the source wrote it.</summary>
public sealed partial class NumberType : PropertyType
{
    internal NumberType()
    {
    }

    public override string Name => "number";
    public override bool Matchable => false;
    public override int MaxLength => 64;

    [GeneratedRegex(@"^[+-]?(\d{1,3}([, ]\d{3})+|\d+)(\.\d+)?\s*[A-Za-z%²³/\.]*$")]
    private static partial Regex NumberPattern();

    private protected override bool TryCleanCore(string text, out string cleaned, out string? error)
    {
        cleaned = text;
        error = NumberPattern().IsMatch(text) ? null : "not a number";
        return error is null;
    }

    /// <summary>The numeric value, ignoring separators and unit; null if none.</summary>
    public static double? ToDouble(string value)
    {
        var digits = new string(value.TakeWhile(c => char.IsAsciiDigit(c) || c is '.' or ',' or ' ' or '-' or '+').Where(c => c is not (',' or ' ')).ToArray());
        return double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
    }

    public override double Compare(string left, string right)
    {
        if (ToDouble(left) is not { } l || ToDouble(right) is not { } r)
        {
            return 0.0;
        }

        var max = Math.Max(Math.Abs(l), Math.Abs(r));
        return max == 0 ? 1.0 : Math.Max(0.0, 1.0 - (Math.Abs(l - r) / max));
    }
}

/// <summary>A topic tag from FtM's fixed list (sanction, role.pep, crime …).</summary>
public sealed class TopicType : PropertyType
{
    private static readonly FrozenDictionary<string, string> Topics = new Dictionary<string, string>
    {
        ["crime"] = "Crime", ["crime.fraud"] = "Fraud", ["crime.cyber"] = "Cybercrime",
        ["crime.fin"] = "Financial crime", ["crime.env"] = "Environmental violations",
        ["crime.theft"] = "Theft", ["crime.war"] = "War crimes", ["crime.boss"] = "Criminal leadership",
        ["crime.terror"] = "Terrorism", ["crime.traffick"] = "Trafficking", ["crime.traffick.drug"] = "Drug trafficking",
        ["crime.traffick.human"] = "Human trafficking", ["forced.labor"] = "Forced labor",
        ["wanted"] = "Wanted", ["corp.offshore"] = "Offshore", ["corp.shell"] = "Shell company",
        ["corp.public"] = "Public listed company", ["corp.disqual"] = "Disqualified",
        ["gov"] = "Government", ["gov.national"] = "National government", ["gov.state"] = "State government",
        ["gov.muni"] = "Municipal government", ["gov.soe"] = "State-owned enterprise", ["gov.igo"] = "Intergovernmental organization",
        ["gov.head"] = "Head of government or state", ["gov.admin"] = "Civil service", ["gov.executive"] = "Executive branch of government",
        ["gov.legislative"] = "Legislative branch of government", ["gov.judicial"] = "Judicial branch of government",
        ["gov.security"] = "Security services", ["gov.financial"] = "Central banking and financial integrity",
        ["gov.religion"] = "Religious leadership",
        ["fin"] = "Financial services", ["fin.bank"] = "Bank", ["fin.fund"] = "Fund", ["fin.adivsor"] = "Financial advisor",
        ["mare.detained"] = "Maritime detention", ["mare.shadow"] = "Shadow fleet", ["mare.sts"] = "Ship-to-ship transfer",
        ["reg.action"] = "Regulator action", ["reg.warn"] = "Regulator warning",
        ["role.pep"] = "Politician", ["role.pol"] = "Non-PEP", ["role.rca"] = "Close Associate", ["role.judge"] = "Judge",
        ["role.civil"] = "Civil servant", ["role.diplo"] = "Diplomat", ["role.lawyer"] = "Lawyer", ["role.acct"] = "Accountant",
        ["role.spy"] = "Spy", ["role.oligarch"] = "Oligarch", ["role.journo"] = "Journalist", ["role.act"] = "Activist",
        ["role.lobby"] = "Lobbyist", ["pol.party"] = "Political party", ["pol.union"] = "Union",
        ["rel"] = "Religion", ["mil"] = "Military",
        ["asset.frozen"] = "Frozen asset", ["sanction"] = "Sanctioned entity", ["sanction.linked"] = "Sanction-linked entity",
        ["sanction.counter"] = "Counter-sanctioned entity", ["export.control"] = "Export controlled",
        ["export.risk"] = "Trade risk", ["debarment"] = "Debarred entity", ["poi"] = "Person of interest",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    internal TopicType()
    {
    }

    public override string Name => "topic";
    public override bool Matchable => false;
    public override int MaxLength => 64;

    public static IReadOnlyDictionary<string, string> Labels => Topics;

    private protected override bool TryCleanCore(string text, out string cleaned, out string? error)
    {
        cleaned = text.ToLowerInvariant();
        if (Topics.ContainsKey(cleaned))
        {
            error = null;
            return true;
        }

        cleaned = "";
        error = "not a known topic";
        return false;
    }
}

public sealed class GenderType : PropertyType
{
    internal GenderType()
    {
    }

    public override string Name => "gender";
    public override bool Matchable => false;
    public override int MaxLength => 6;

    private protected override bool TryCleanCore(string text, out string cleaned, out string? error)
    {
        cleaned = text.ToLowerInvariant() switch
        {
            "m" or "male" or "man" or "masculine" => "male",
            "f" or "female" or "woman" or "feminine" => "female",
            "o" or "other" or "d" or "diverse" or "x" => "other",
            _ => "",
        };
        error = cleaned.Length > 0 ? null : "not a gender (male, female, other)";
        return error is null;
    }
}

public sealed class ChecksumType : PropertyType
{
    internal ChecksumType()
    {
    }

    public override string Name => "checksum";
    public override bool Matchable => false;
    public override int MaxLength => 128;

    private protected override bool TryCleanCore(string text, out string cleaned, out string? error)
    {
        cleaned = text.ToLowerInvariant();
        error = cleaned.Length >= 32 && cleaned.All(char.IsAsciiHexDigit) ? null : "not a hexadecimal checksum";
        return error is null;
    }

    public override string? Key(string value) => value;
}

public sealed class MimeTypeType : PropertyType
{
    internal MimeTypeType()
    {
    }

    public override string Name => "mimetype";
    public override bool Matchable => false;
    public override int MaxLength => 255;

    private protected override bool TryCleanCore(string text, out string cleaned, out string? error)
    {
        cleaned = text.ToLowerInvariant().Split(';')[0].Trim();
        var parts = cleaned.Split('/');
        error = parts.Length == 2 && parts.All(p => p.Length > 0 && !p.Any(char.IsWhiteSpace)) ? null : "not a MIME type";
        return error is null;
    }
}
