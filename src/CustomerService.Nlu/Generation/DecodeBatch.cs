using CustomerService.Nlu.Onnx;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace CustomerService.Nlu.Generation;

/// <summary>
/// The sequences decoded together and their shared past cache. Rows are left-padded: each row's real
/// tokens sit at the right end of the cache, pads (masked, zero-filled) before them. Rows join after
/// their own prefill and leave as soon as they finish; the cache is re-laid out only then, trimmed to
/// the longest remaining row so padding never grows past what one sequence needs. Single-threaded.
/// </summary>
internal sealed class DecodeBatch(ResponderModel model) : IDisposable
{
    private readonly List<ActiveSequence> _rows = [];
    private readonly List<(ActiveSequence Sequence, KvCache Cache)> _joining = [];
    private KvCache? _cache;
    private bool _layoutDirty;

    public IReadOnlyList<ActiveSequence> Rows => _rows;

    public int Count => _rows.Count + _joining.Count;

    /// <summary>Adds a prefilled sequence; it takes part from the next step on. Takes ownership of the cache.</summary>
    public void Join(ActiveSequence sequence, KvCache prefillCache) => _joining.Add((sequence, prefillCache));

    /// <summary>Advances every row by one token (one ORT run) and removes rows that finished.</summary>
    public void Step()
    {
        foreach (var row in _rows)
        {
            row.CheckLimits();
        }

        foreach (var (sequence, _) in _joining)
        {
            sequence.CheckLimits();
        }

        RemoveFinished();
        Relayout();
        if (_rows.Count == 0 || _cache is null)
        {
            return;
        }

        var batch = _rows.Count;
        Span<int> tokens = batch <= 256 ? stackalloc int[batch] : new int[batch];
        Span<int> lengths = batch <= 256 ? stackalloc int[batch] : new int[batch];
        for (var row = 0; row < batch; row++)
        {
            tokens[row] = _rows[row].PendingToken;
            lengths[row] = _rows[row].CachedLength;
        }

        var grown = model.Step(_cache, tokens, lengths, (row, logits) => _rows[row].Advance(logits));
        _cache.Dispose();
        _cache = grown;

        RemoveFinished();
    }

    /// <summary>Drops every row (after a failed run); the caller completes their sequences.</summary>
    public IReadOnlyList<ActiveSequence> Clear()
    {
        var all = _rows.Concat(_joining.Select(j => j.Sequence)).ToList();
        _rows.Clear();
        foreach (var (_, cache) in _joining)
        {
            cache.Dispose();
        }

        _joining.Clear();
        _cache?.Dispose();
        _cache = null;
        return all;
    }

    public void Dispose() => Clear();

    private void RemoveFinished()
    {
        if (_rows.Exists(r => r.IsFinished))
        {
            _layoutDirty = true;
        }
    }

    // Copies the kept rows' last `columns` past entries (and the joiners' prefill caches) into new
    // tensors; columns = the longest remaining row, so shared leading pads are dropped.
    private void Relayout()
    {
        _joining.RemoveAll(j =>
        {
            if (!j.Sequence.IsFinished)
            {
                return false;
            }

            j.Cache.Dispose();
            return true;
        });
        if (!_layoutDirty && _joining.Count == 0)
        {
            return;
        }

        _layoutDirty = false;
        var sources = new List<(ActiveSequence Sequence, KvCache Cache, int Row)>();
        for (var row = 0; row < _rows.Count; row++)
        {
            if (!_rows[row].IsFinished)
            {
                sources.Add((_rows[row], _cache!, row));
            }
        }

        foreach (var (sequence, cache) in _joining)
        {
            sources.Add((sequence, cache, 0));
        }

        var batch = sources.Count;
        var columns = batch == 0 ? 0 : sources.Max(s => s.Sequence.CachedLength);
        KvCache? relaid = null;
        if (batch > 0)
        {
            relaid = OrtErrorFunnel.Invoke(model.Name, NluStage.Decode, () => CopyRows(sources, batch, columns));
        }

        _cache?.Dispose();
        foreach (var (_, cache) in _joining)
        {
            cache.Dispose();
        }

        _joining.Clear();
        _cache = relaid;
        _rows.Clear();
        _rows.AddRange(sources.Select(s => s.Sequence));
    }

    private KvCache CopyRows(List<(ActiveSequence Sequence, KvCache Cache, int Row)> sources, int batch, int columns)
    {
        var heads = model.Heads;
        var headDim = model.HeadDim;
        var tensorCount = model.Layers * 2;
        var tensors = new OrtValue[tensorCount];
        for (var t = 0; t < tensorCount; t++)
        {
            var target = OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, TensorElementType.Float, [batch, heads, columns, headDim]);
            tensors[t] = target;
            var destination = target.GetTensorMutableDataAsSpan<float>();
            for (var b = 0; b < batch; b++)
            {
                var (sequence, cache, sourceRow) = sources[b];
                var keep = sequence.CachedLength;
                var source = cache.Tensors[t].GetTensorDataAsSpan<float>();
                for (var h = 0; h < heads; h++)
                {
                    var destinationBase = ((b * heads) + h) * columns * headDim;
                    var pad = (columns - keep) * headDim;

                    // Pads must be finite: a masked position still multiplies its value by a zero weight.
                    destination.Slice(destinationBase, pad).Clear();
                    var sourceBase = (((sourceRow * heads) + h) * cache.Length + (cache.Length - keep)) * headDim;
                    source.Slice(sourceBase, keep * headDim).CopyTo(destination.Slice(destinationBase + pad, keep * headDim));
                }
            }
        }

        return new KvCache(tensors, batch, columns);
    }
}
