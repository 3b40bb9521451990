using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Trainers.LightGbm;
using OsintResolver.Model.Errors;

namespace OsintResolver.Resolution.Matching;

/// <summary>
/// The trained LightGBM trees flattened into arrays, for scoring and explaining millions of pairs
/// without going through an IDataView per batch. Equivalence with ML.NET's own scores and
/// feature contributions is checked by tests; the ML.NET model stays the source of truth.
/// </summary>
internal sealed class TreeEnsemble
{
    private readonly int[] _roots;
    private readonly int[] _feature;
    private readonly float[] _threshold;
    private readonly int[] _left;
    private readonly int[] _right;
    private readonly double[] _leafValues;
    private readonly int[] _leafOffset;
    private readonly double[] _weights;
    private readonly double _bias;

    private TreeEnsemble(int[] roots, int[] feature, float[] threshold, int[] left, int[] right, double[] leafValues, int[] leafOffset, double[] weights, double bias)
    {
        _roots = roots;
        _feature = feature;
        _threshold = threshold;
        _left = left;
        _right = right;
        _leafValues = leafValues;
        _leafOffset = leafOffset;
        _weights = weights;
        _bias = bias;
    }

    public int Trees => _roots.Length;

    public static TreeEnsemble From(ITransformer transformer)
    {
        if (transformer is not ISingleFeaturePredictionTransformer<CalibratedModelParametersBase<LightGbmBinaryModelParameters, PlattCalibrator>> prediction)
        {
            throw new OsintException($"the matcher model is a {transformer.GetType().Name}, not a calibrated LightGBM binary classifier");
        }

        var ensemble = prediction.Model.SubModel.TrainedTreeEnsemble;
        var roots = new List<int>();
        var feature = new List<int>();
        var threshold = new List<float>();
        var left = new List<int>();
        var right = new List<int>();
        var leaves = new List<double>();
        var leafOffset = new List<int>();
        foreach (var tree in ensemble.Trees)
        {
            if (tree.CategoricalSplitFlags.Any(f => f))
            {
                throw new OsintException("the matcher model uses categorical splits, which the fast scorer does not support");
            }

            var nodeBase = feature.Count;
            var leafBase = leaves.Count;
            roots.Add(tree.NumberOfNodes == 0 ? ~0 : nodeBase);
            leafOffset.Add(leafBase);
            for (var n = 0; n < tree.NumberOfNodes; n++)
            {
                feature.Add(tree.NumericalSplitFeatureIndexes[n]);
                threshold.Add(tree.NumericalSplitThresholds[n]);
                // Negative children are leaves (~leaf index); positive ones are node indexes.
                left.Add(tree.LeftChild[n] >= 0 ? nodeBase + tree.LeftChild[n] : tree.LeftChild[n]);
                right.Add(tree.RightChild[n] >= 0 ? nodeBase + tree.RightChild[n] : tree.RightChild[n]);
            }

            leaves.AddRange(tree.LeafValues);
        }

        return new TreeEnsemble([.. roots], [.. feature], [.. threshold], [.. left], [.. right], [.. leaves], [.. leafOffset],
            [.. ensemble.TreeWeights], ensemble.Bias);
    }

    /// <summary>
    /// Each feature's contribution to the raw score, computed as ML.NET's feature contribution
    /// calculator does for tree ensembles: at every split on the path to the leaf, the split's
    /// feature is credited with the leaf's output minus the output of the leaf that going the
    /// other way at that split would have reached.
    /// </summary>
    public void Contributions(ReadOnlySpan<float> features, Span<float> into)
    {
        into.Clear();
        for (var t = 0; t < _roots.Length; t++)
        {
            var node = _roots[t];
            if (node < 0)
            {
                continue;
            }

            var leaves = _leafOffset[t];
            var output = _leafValues[leaves + ~Walk(node, features)];
            while (node >= 0)
            {
                var feature = _feature[node];
                int other;
                if (features[feature] <= _threshold[node])
                {
                    other = _right[node];
                    node = _left[node];
                }
                else
                {
                    other = _left[node];
                    node = _right[node];
                }

                into[feature] += (float)(output - _leafValues[leaves + ~Walk(other, features)]);
            }
        }
    }

    private int Walk(int node, ReadOnlySpan<float> features)
    {
        while (node >= 0)
        {
            node = features[_feature[node]] <= _threshold[node] ? _left[node] : _right[node];
        }

        return node;
    }

    /// <summary>The raw (uncalibrated) score of a feature vector.</summary>
    public double Score(ReadOnlySpan<float> features)
    {
        var sum = _bias;
        for (var t = 0; t < _roots.Length; t++)
        {
            var node = _roots[t];
            while (node >= 0)
            {
                node = features[_feature[node]] <= _threshold[node] ? _left[node] : _right[node];
            }

            sum += _weights[t] * _leafValues[_leafOffset[t] + ~node];
        }

        return sum;
    }
}
