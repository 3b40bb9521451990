using System.Text;

namespace OsintResolver.Text.Phonetics;

/// <summary>
/// Lawrence Philips' Double Metaphone (C/C++ Users Journal, June 2000): a primary and an
/// alternate phonetic code for a word, so that "Schmidt"/"Smith" or "Catherine"/"Katherine"
/// collide. Written for this project from the published rules; input is expected in ASCII
/// (names are transliterated first), anything else is ignored.
/// </summary>
public static class DoubleMetaphone
{
    /// <summary>Codes are cut at this length, as in the original.</summary>
    public const int MaxLength = 4;

    /// <summary>The primary code of a word, e.g. "SM0" for Smith; empty for a word without letters.</summary>
    public static string Primary(string word) => Encode(word).Primary;

    /// <summary>Both codes of a word: (primary, alternate). They are equal for most words.</summary>
    public static (string Primary, string Alternate) Encode(string word)
    {
        var value = Prepare(word);
        if (value.Length == 0)
        {
            return ("", "");
        }

        var state = new Encoder(value);
        state.Run();
        return (state.PrimaryCode, state.AlternateCode);
    }

    private static string Prepare(string word)
    {
        var sb = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            if (char.IsAsciiLetter(c))
            {
                sb.Append(char.ToUpperInvariant(c));
            }
            else if (c is 'Ç' or 'ç')
            {
                sb.Append('Ç');
            }
            else if (c is 'Ñ' or 'ñ')
            {
                sb.Append('Ñ');
            }
        }

        return sb.ToString();
    }

    private sealed class Encoder(string value)
    {
        private readonly StringBuilder _primary = new(MaxLength + 2);
        private readonly StringBuilder _alternate = new(MaxLength + 2);
        private readonly int _last = value.Length - 1;
        private readonly bool _slavoGermanic = value.Contains('W') || value.Contains('K') ||
                                               value.Contains("CZ", StringComparison.Ordinal) ||
                                               value.Contains("WITZ", StringComparison.Ordinal);

        public string PrimaryCode => Cut(_primary);
        public string AlternateCode => Cut(_alternate);

        private static string Cut(StringBuilder sb) => sb.Length > MaxLength ? sb.ToString(0, MaxLength) : sb.ToString();

        private bool Done => _primary.Length >= MaxLength && _alternate.Length >= MaxLength;

        private char At(int i) => i >= 0 && i < value.Length ? value[i] : '\0';

        private bool Is(int start, params string[] options)
        {
            foreach (var option in options)
            {
                if (start >= 0 && start + option.Length <= value.Length &&
                    string.CompareOrdinal(value, start, option, 0, option.Length) == 0)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Vowel(char c) => c is 'A' or 'E' or 'I' or 'O' or 'U' or 'Y';

        private void Add(string both) => Add(both, both);

        private void Add(string primary, string alternate)
        {
            _primary.Append(primary);
            _alternate.Append(alternate);
        }

        public void Run()
        {
            var i = 0;
            // Silent initial letters.
            if (Is(0, "GN", "KN", "PN", "WR", "PS"))
            {
                i = 1;
            }

            if (value[0] == 'X')
            {
                // Initial X is pronounced Z ("Xavier").
                Add("S");
                i = 1;
            }

            while (!Done && i <= _last)
            {
                var c = value[i];
                switch (c)
                {
                    case 'A' or 'E' or 'I' or 'O' or 'U' or 'Y':
                        if (i == 0)
                        {
                            Add("A");
                        }

                        i++;
                        break;
                    case 'B':
                        Add("P");
                        i += At(i + 1) == 'B' ? 2 : 1;
                        break;
                    case 'Ç':
                        Add("S");
                        i++;
                        break;
                    case 'C':
                        i = HandleC(i);
                        break;
                    case 'D':
                        i = HandleD(i);
                        break;
                    case 'F':
                        Add("F");
                        i += At(i + 1) == 'F' ? 2 : 1;
                        break;
                    case 'G':
                        i = HandleG(i);
                        break;
                    case 'H':
                        // Only pronounced between vowels or at the start before a vowel.
                        if ((i == 0 || Vowel(At(i - 1))) && Vowel(At(i + 1)))
                        {
                            Add("H");
                            i += 2;
                        }
                        else
                        {
                            i++;
                        }

                        break;
                    case 'J':
                        i = HandleJ(i);
                        break;
                    case 'K':
                        Add("K");
                        i += At(i + 1) == 'K' ? 2 : 1;
                        break;
                    case 'L':
                        i = HandleL(i);
                        break;
                    case 'M':
                        Add("M");
                        i += At(i + 1) == 'M' || (Is(i - 1, "UMB") && (i + 1 == _last || Is(i + 2, "ER"))) ? 2 : 1;
                        break;
                    case 'N':
                        Add("N");
                        i += At(i + 1) == 'N' ? 2 : 1;
                        break;
                    case 'Ñ':
                        Add("N");
                        i++;
                        break;
                    case 'P':
                        if (At(i + 1) == 'H')
                        {
                            Add("F");
                            i += 2;
                        }
                        else
                        {
                            Add("P");
                            i += At(i + 1) is 'P' or 'B' ? 2 : 1;
                        }

                        break;
                    case 'Q':
                        Add("K");
                        i += At(i + 1) == 'Q' ? 2 : 1;
                        break;
                    case 'R':
                        i = HandleR(i);
                        break;
                    case 'S':
                        i = HandleS(i);
                        break;
                    case 'T':
                        i = HandleT(i);
                        break;
                    case 'V':
                        Add("F");
                        i += At(i + 1) == 'V' ? 2 : 1;
                        break;
                    case 'W':
                        i = HandleW(i);
                        break;
                    case 'X':
                        i = HandleX(i);
                        break;
                    case 'Z':
                        i = HandleZ(i);
                        break;
                    default:
                        i++;
                        break;
                }
            }
        }

        private int HandleC(int i)
        {
            // Germanic "ACH" as in "Bacher", "Macher".
            if (i > 1 && !Vowel(At(i - 2)) && Is(i - 1, "ACH") && At(i + 2) != 'I' &&
                (At(i + 2) != 'E' || Is(i - 2, "BACHER", "MACHER")))
            {
                Add("K");
                return i + 2;
            }

            if (i == 0 && Is(i, "CAESAR"))
            {
                Add("S");
                return i + 2;
            }

            if (Is(i, "CHIA"))
            {
                Add("K");
                return i + 2;
            }

            if (Is(i, "CH"))
            {
                if (i > 0 && Is(i, "CHAE"))
                {
                    Add("K", "X");
                    return i + 2;
                }

                // Greek roots: "chemistry", "chorus", "Christopher".
                if (i == 0 && (Is(i + 1, "HARAC", "HARIS") || Is(i + 1, "HOR", "HYM", "HIA", "HEM")) && !Is(0, "CHORE"))
                {
                    Add("K");
                    return i + 2;
                }

                if (Is(0, "VAN ", "VON ") || Is(0, "SCH") || Is(i - 2, "ORCHES", "ARCHIT", "ORCHID") ||
                    At(i + 2) is 'T' or 'S' ||
                    ((At(i - 1) is 'A' or 'O' or 'U' or 'E' || i == 0) &&
                     (At(i + 2) is 'L' or 'R' or 'N' or 'M' or 'B' or 'H' or 'F' or 'V' or 'W' or ' ' || i + 1 == _last)))
                {
                    Add("K");
                }
                else if (i > 0)
                {
                    if (Is(0, "MC"))
                    {
                        Add("K");
                    }
                    else
                    {
                        Add("X", "K");
                    }
                }
                else
                {
                    Add("X");
                }

                return i + 2;
            }

            if (Is(i, "CZ") && !Is(i - 2, "WICZ"))
            {
                Add("S", "X");
                return i + 2;
            }

            if (Is(i + 1, "CIA"))
            {
                Add("X");
                return i + 3;
            }

            // Double C, but not "McClellan".
            if (Is(i, "CC") && !(i == 1 && At(0) == 'M'))
            {
                if (At(i + 2) is 'I' or 'E' or 'H' && !Is(i + 2, "HU"))
                {
                    // "Accident", "accede", "succeed" vs "Bacchus".
                    if ((i == 1 && At(i - 1) == 'A') || Is(i - 1, "UCCEE", "UCCES"))
                    {
                        Add("KS");
                    }
                    else
                    {
                        Add("X");
                    }

                    return i + 3;
                }

                Add("K");
                return i + 2;
            }

            if (Is(i, "CK", "CG", "CQ"))
            {
                Add("K");
                return i + 2;
            }

            if (Is(i, "CI", "CE", "CY"))
            {
                if (Is(i, "CIO", "CIE", "CIA"))
                {
                    Add("S", "X");
                }
                else
                {
                    Add("S");
                }

                return i + 2;
            }

            Add("K");
            if (Is(i + 1, " C", " Q", " G"))
            {
                return i + 3;
            }

            return At(i + 1) is 'C' or 'K' or 'Q' && !Is(i + 1, "CE", "CI") ? i + 2 : i + 1;
        }

        private int HandleD(int i)
        {
            if (Is(i, "DG"))
            {
                if (At(i + 2) is 'I' or 'E' or 'Y')
                {
                    // "Edge".
                    Add("J");
                    return i + 3;
                }

                Add("TK");
                return i + 2;
            }

            Add("T");
            return Is(i, "DT", "DD") ? i + 2 : i + 1;
        }

        private int HandleG(int i)
        {
            var next = At(i + 1);
            if (next == 'H')
            {
                if (i > 0 && !Vowel(At(i - 1)))
                {
                    Add("K");
                    return i + 2;
                }

                if (i == 0)
                {
                    // "Ghislane" vs "Ghana".
                    Add(At(i + 2) == 'I' ? "J" : "K");
                    return i + 2;
                }

                // "Hugh", "bough", "broughton": silent.
                if ((i > 1 && At(i - 2) is 'B' or 'H' or 'D') || (i > 2 && At(i - 3) is 'B' or 'H' or 'D') ||
                    (i > 3 && At(i - 4) is 'B' or 'H'))
                {
                    return i + 2;
                }

                // "Laugh", "McLaughlin", "cough", "tough".
                if (i > 2 && At(i - 1) == 'U' && At(i - 3) is 'C' or 'G' or 'L' or 'R' or 'T')
                {
                    Add("F");
                }
                else if (i > 0 && At(i - 1) != 'I')
                {
                    Add("K");
                }

                return i + 2;
            }

            if (next == 'N')
            {
                if (i == 1 && Vowel(At(0)) && !_slavoGermanic)
                {
                    Add("KN", "N");
                }
                else if (!Is(i + 2, "EY") && At(i + 1) != 'Y' && !_slavoGermanic)
                {
                    Add("N", "KN");
                }
                else
                {
                    Add("KN");
                }

                return i + 2;
            }

            if (Is(i + 1, "LI") && !_slavoGermanic)
            {
                // "Tagliaro".
                Add("KL", "L");
                return i + 2;
            }

            // -ges-, -gep-, -gel-, -gie- at the beginning.
            if (i == 0 && (next == 'Y' || Is(i + 1, "ES", "EP", "EB", "EL", "EY", "IB", "IL", "IN", "IE", "EI", "ER")))
            {
                Add("K", "J");
                return i + 2;
            }

            // -ger-, -gy-.
            if ((Is(i + 1, "ER") || next == 'Y') && !Is(0, "DANGER", "RANGER", "MANGER") &&
                At(i - 1) is not ('E' or 'I') && !Is(i - 1, "RGY", "OGY"))
            {
                Add("K", "J");
                return i + 2;
            }

            // Italian "biaggi".
            if (next is 'E' or 'I' or 'Y' || Is(i - 1, "AGGI", "OGGI"))
            {
                if (Is(0, "VAN ", "VON ") || Is(0, "SCH") || Is(i + 1, "ET"))
                {
                    Add("K");
                }
                else if (Is(i + 1, "IER"))
                {
                    Add("J");
                }
                else
                {
                    Add("J", "K");
                }

                return i + 2;
            }

            Add("K");
            return next == 'G' ? i + 2 : i + 1;
        }

        private int HandleJ(int i)
        {
            // Spanish "Jose", "San Jacinto".
            if (Is(i, "JOSE") || Is(0, "SAN "))
            {
                if ((i == 0 && (At(i + 4) == ' ' || value.Length == 4)) || Is(0, "SAN "))
                {
                    Add("H");
                }
                else
                {
                    Add("J", "H");
                }

                return i + 1;
            }

            if (i == 0 && !Is(i, "JOSE"))
            {
                // "Yankelovich", "Jankelowicz".
                Add("J", "A");
            }
            else if (i > 0 && Vowel(At(i - 1)) && !_slavoGermanic && At(i + 1) is 'A' or 'O')
            {
                Add("J", "H");
            }
            else if (i == _last)
            {
                Add("J", "");
            }
            else if (At(i + 1) is not ('L' or 'T' or 'K' or 'S' or 'N' or 'M' or 'B' or 'Z') &&
                     At(i - 1) is not ('S' or 'K' or 'L'))
            {
                Add("J");
            }

            return At(i + 1) == 'J' ? i + 2 : i + 1;
        }

        private int HandleL(int i)
        {
            if (At(i + 1) == 'L')
            {
                // Spanish "Cabrillo", "Gallegos".
                if ((i == value.Length - 3 && Is(i - 1, "ILLO", "ILLA", "ALLE")) ||
                    ((Is(_last - 1, "AS", "OS") || At(_last) is 'A' or 'O') && Is(i - 1, "ALLE")))
                {
                    Add("L", "");
                    return i + 2;
                }

                Add("L");
                return i + 2;
            }

            Add("L");
            return i + 1;
        }

        private int HandleR(int i)
        {
            // French "Rogier": silent final R after IE, except "Meier".
            if (i == _last && !_slavoGermanic && Is(i - 2, "IE") && !Is(i - 4, "ME", "MA"))
            {
                Add("", "R");
            }
            else
            {
                Add("R");
            }

            return At(i + 1) == 'R' ? i + 2 : i + 1;
        }

        private int HandleS(int i)
        {
            // "Island", "Carlisle": silent.
            if (Is(i - 1, "ISL", "YSL"))
            {
                return i + 1;
            }

            if (i == 0 && Is(i, "SUGAR"))
            {
                Add("X", "S");
                return i + 1;
            }

            if (Is(i, "SH"))
            {
                // Germanic "Holm-heim".
                Add(Is(i + 1, "HEIM", "HOEK", "HOLM", "HOLZ") ? "S" : "X");
                return i + 2;
            }

            // Italian and Armenian.
            if (Is(i, "SIO", "SIA") || Is(i, "SIAN"))
            {
                Add("S", _slavoGermanic ? "S" : "X");
                return i + 3;
            }

            // German and anglicisations: "Smith" vs "Schmidt", "Snider" vs "Schneider".
            if ((i == 0 && At(i + 1) is 'M' or 'N' or 'L' or 'W') || At(i + 1) == 'Z')
            {
                Add("S", "X");
                return At(i + 1) == 'Z' ? i + 2 : i + 1;
            }

            if (Is(i, "SC"))
            {
                if (At(i + 2) == 'H')
                {
                    // Dutch "school", "schooner".
                    if (Is(i + 3, "OO", "ER", "EN", "UY", "ED", "EM"))
                    {
                        if (Is(i + 3, "ER", "EN"))
                        {
                            Add("X", "SK");
                        }
                        else
                        {
                            Add("SK");
                        }

                        return i + 3;
                    }

                    if (i == 0 && !Vowel(At(3)) && At(3) != 'W')
                    {
                        Add("X", "S");
                    }
                    else
                    {
                        Add("X");
                    }

                    return i + 3;
                }

                Add(At(i + 2) is 'I' or 'E' or 'Y' ? "S" : "SK");
                return i + 3;
            }

            // French "Resnais", "Artois": silent final S.
            if (i == _last && Is(i - 2, "AI", "OI"))
            {
                Add("", "S");
            }
            else
            {
                Add("S");
            }

            return At(i + 1) is 'S' or 'Z' ? i + 2 : i + 1;
        }

        private int HandleT(int i)
        {
            if (Is(i, "TION") || Is(i, "TIA", "TCH"))
            {
                Add("X");
                return i + 3;
            }

            if (Is(i, "TH") || Is(i, "TTH"))
            {
                // "Thomas", "Thames".
                if (Is(i + 2, "OM", "AM") || Is(0, "VAN ", "VON ") || Is(0, "SCH"))
                {
                    Add("T");
                }
                else
                {
                    Add("0", "T");
                }

                return i + 2;
            }

            Add("T");
            return At(i + 1) is 'T' or 'D' ? i + 2 : i + 1;
        }

        private int HandleW(int i)
        {
            if (Is(i, "WR"))
            {
                Add("R");
                return i + 2;
            }

            if (i == 0 && (Vowel(At(i + 1)) || Is(i, "WH")))
            {
                // "Wasserman" may be "Vasserman".
                Add("A", Vowel(At(i + 1)) ? "F" : "A");
            }

            // Polish "Filipowicz" and Germanic final -ewski.
            if ((i == _last && Vowel(At(i - 1))) || Is(i - 1, "EWSKI", "EWSKY", "OWSKI", "OWSKY") || Is(0, "SCH"))
            {
                Add("", "F");
                return i + 1;
            }

            if (Is(i, "WICZ", "WITZ"))
            {
                Add("TS", "FX");
                return i + 4;
            }

            return i + 1;
        }

        private int HandleX(int i)
        {
            // French "Breaux": silent final X.
            if (!(i == _last && (Is(i - 3, "IAU", "EAU") || Is(i - 2, "AU", "OU"))))
            {
                Add("KS");
            }

            return At(i + 1) is 'C' or 'X' ? i + 2 : i + 1;
        }

        private int HandleZ(int i)
        {
            if (At(i + 1) == 'H')
            {
                // Chinese pinyin "Zhao".
                Add("J");
                return i + 2;
            }

            if (Is(i + 1, "ZO", "ZI", "ZA") || (_slavoGermanic && i > 0 && At(i - 1) != 'T'))
            {
                Add("S", "TS");
            }
            else
            {
                Add("S");
            }

            return At(i + 1) == 'Z' ? i + 2 : i + 1;
        }
    }
}
