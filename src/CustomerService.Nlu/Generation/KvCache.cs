using Microsoft.ML.OnnxRuntime;

namespace CustomerService.Nlu.Generation;

/// <summary>
/// Past keys and values of a batch: for each layer a key and a value tensor [batch, heads, length, headDim],
/// in the order of the model's past inputs. Owns the native tensors.
/// </summary>
internal sealed class KvCache(OrtValue[] tensors, int batch, int length) : IDisposable
{
    public OrtValue[] Tensors { get; } = tensors;

    public int Batch { get; } = batch;

    /// <summary>Columns per row (the past length the model sees, pads included).</summary>
    public int Length { get; } = length;

    public void Dispose()
    {
        foreach (var tensor in Tensors)
        {
            tensor.Dispose();
        }
    }
}
