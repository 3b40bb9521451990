using System.Numerics;

namespace OsintResolver.Model.Types;

/// <summary>
/// Structure and check-digit validation for identifiers. Each method takes the compact form
/// (upper-case letters and digits) and returns null when valid, else the reason.
/// </summary>
public static class Checksums
{
    public static string? ValidateImo(string compact)
    {
        var digits = compact.StartsWith("IMO", StringComparison.Ordinal) ? compact[3..] : compact;
        if (digits.Length != 7 || !digits.All(char.IsAsciiDigit))
        {
            return "an IMO number has exactly 7 digits";
        }

        var sum = 0;
        for (var i = 0; i < 6; i++)
        {
            sum += (digits[i] - '0') * (7 - i);
        }

        return sum % 10 == digits[6] - '0' ? null : $"IMO check digit is {digits[6]}, expected {sum % 10}";
    }

    public static string? ValidateLei(string compact)
    {
        if (compact.Length != 20 || !compact.All(char.IsAsciiLetterOrDigit))
        {
            return "an LEI has exactly 20 letters and digits";
        }

        if (!compact[18..].All(char.IsAsciiDigit))
        {
            return "an LEI ends in two check digits";
        }

        return Mod97(compact) == 1 ? null : "LEI check digits do not verify (ISO 7064 mod 97-10)";
    }

    public static string? ValidateIban(string compact)
    {
        if (compact.Length is < 15 or > 34 || !char.IsAsciiLetter(compact[0]) || !char.IsAsciiLetter(compact[1]) ||
            !char.IsAsciiDigit(compact[2]) || !char.IsAsciiDigit(compact[3]) || !compact.All(char.IsAsciiLetterOrDigit))
        {
            return "an IBAN is a country code, two check digits and up to 30 letters and digits";
        }

        return Mod97(compact[4..] + compact[..4]) == 1 ? null : "IBAN check digits do not verify";
    }

    public static string? ValidateBic(string compact) =>
        compact.Length is 8 or 11 && compact[..6].All(char.IsAsciiLetter) && compact[6..].All(char.IsAsciiLetterOrDigit)
            ? null
            : "a BIC has 8 or 11 characters: bank (4 letters), country (2 letters), location, branch";

    public static string? ValidateIsin(string compact)
    {
        if (compact.Length != 12 || !compact[..2].All(char.IsAsciiLetter) || !compact.All(char.IsAsciiLetterOrDigit) ||
            !char.IsAsciiDigit(compact[11]))
        {
            return "an ISIN is 2 letters, 9 letters or digits and a check digit";
        }

        var expanded = string.Concat(compact.Select(c => char.IsAsciiDigit(c) ? c.ToString() : (c - 'A' + 10).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return Luhn(expanded) ? null : "ISIN check digit does not verify";
    }

    public static string? ValidateInn(string compact)
    {
        if (!compact.All(char.IsAsciiDigit) || compact.Length is not (10 or 12))
        {
            return "an INN has 10 or 12 digits";
        }

        int Check(int[] weights)
        {
            var sum = 0;
            for (var i = 0; i < weights.Length; i++)
            {
                sum += (compact[i] - '0') * weights[i];
            }

            return sum % 11 % 10;
        }

        if (compact.Length == 10)
        {
            return Check([2, 4, 10, 3, 5, 9, 4, 6, 8]) == compact[9] - '0' ? null : "INN check digit does not verify";
        }

        var ok = Check([7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) == compact[10] - '0' &&
                 Check([3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) == compact[11] - '0';
        return ok ? null : "INN check digits do not verify";
    }

    public static string? ValidateOgrn(string compact)
    {
        if (!compact.All(char.IsAsciiDigit) || compact.Length is not (13 or 15))
        {
            return "an OGRN has 13 or 15 digits";
        }

        var body = BigInteger.Parse(compact[..^1], System.Globalization.CultureInfo.InvariantCulture);
        var modulus = compact.Length == 13 ? 11 : 13;
        var check = (int)(body % modulus % 10);
        return check == compact[^1] - '0' ? null : "OGRN check digit does not verify";
    }

    /// <summary>ISO 7064 mod 97-10 over letters (A=10 … Z=35) and digits.</summary>
    internal static int Mod97(string value)
    {
        var remainder = 0;
        foreach (var c in value)
        {
            var v = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = v >= 10 ? (remainder * 100 + v) % 97 : (remainder * 10 + v) % 97;
        }

        return remainder;
    }

    internal static bool Luhn(string digits)
    {
        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return sum % 10 == 0;
    }
}
