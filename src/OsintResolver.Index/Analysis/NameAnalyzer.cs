using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace OsintResolver.Index.Analysis;

/// <summary>
/// The analysis shared by both backends for names and text: Unicode word tokens (UAX #29), Han
/// and kana as overlapping bigrams beside single characters, each token reduced to its
/// Latin-ASCII key. "丹东鸿祥" gives dan, dong, hong, xiang and dandong, donghong, hongxiang, so
/// the romanisation "Dandong Hongxiang" finds it and the reverse. Offsets stay those of the
/// original text, so highlights mark the original script.
/// </summary>
internal sealed class NameAnalyzer : Analyzer
{
    public const string BigramType = "<DOUBLE>";
    public const string UnigramType = "<SINGLE>";

    public static NameAnalyzer Instance { get; } = new();

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
        TokenStream stream = new CJKBigramFilter(tokenizer, CJKScript.HAN | CJKScript.HIRAGANA | CJKScript.KATAKANA, outputUnigrams: true);
        stream = new LatinKeyFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    /// <summary>The keys of a text with their token types, in order.</summary>
    public static List<(string Key, bool Bigram)> Analyze(string text)
    {
        var tokens = new List<(string, bool)>();
        using var stream = Instance.GetTokenStream("names", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var type = stream.AddAttribute<ITypeAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add((term.ToString(), type.Type == BigramType));
        }

        stream.End();
        return tokens;
    }

    /// <summary>Replaces each token by its <see cref="Transliteration.Key"/>; drops tokens with none.</summary>
    private sealed class LatinKeyFilter : TokenFilter
    {
        private readonly ICharTermAttribute _term;
        private readonly IPositionIncrementAttribute _position;

        public LatinKeyFilter(TokenStream input) : base(input)
        {
            _term = AddAttribute<ICharTermAttribute>();
            _position = AddAttribute<IPositionIncrementAttribute>();
        }

        public override bool IncrementToken()
        {
            var skipped = 0;
            while (m_input.IncrementToken())
            {
                if (AsciiKeyInPlace())
                {
                    if (skipped > 0)
                    {
                        _position.PositionIncrement += skipped;
                    }

                    return true;
                }

                var key = _term.Length == 0 ? "" : Transliteration.Key(_term.Buffer.AsSpan(0, _term.Length));
                if (key.Length == 0)
                {
                    skipped += _position.PositionIncrement;
                    continue;
                }

                _term.SetEmpty().Append(key);
                if (skipped > 0)
                {
                    _position.PositionIncrement += skipped;
                }

                return true;
            }

            return false;
        }

        /// <summary>
        /// The common case without allocating: an ASCII token is lower-cased and stripped of
        /// punctuation in the term buffer. False when the token needs <see cref="Transliteration.Key"/>
        /// (non-ASCII) or leaves nothing (then the buffer is untouched or empty).
        /// </summary>
        private bool AsciiKeyInPlace()
        {
            var buffer = _term.Buffer;
            var length = _term.Length;
            for (var i = 0; i < length; i++)
            {
                if (buffer[i] >= 0x80)
                {
                    return false;
                }
            }

            var n = 0;
            for (var i = 0; i < length; i++)
            {
                var c = buffer[i];
                if (char.IsAsciiLetterOrDigit(c))
                {
                    buffer[n++] = char.ToLowerInvariant(c);
                }
            }

            _term.Length = n;
            return n > 0;
        }
    }
}
