using Microsoft.ML.OnnxRuntime;

namespace CustomerService.Nlu.Onnx;

/// <summary>One loaded model folder: its session, config and the names of its inputs.</summary>
internal sealed class OnnxModel : IDisposable
{
    public OnnxModel(string name, string folder, InferenceSession session, ModelConfig config)
    {
        Name = name;
        Folder = folder;
        Session = session;
        Config = config;
        InputNames = [.. session.InputMetadata.Keys];
        OutputNames = [.. session.OutputMetadata.Keys];
        HasPositionIds = session.InputMetadata.ContainsKey("position_ids");
    }

    public string Name { get; }

    public string Folder { get; }

    public InferenceSession Session { get; }

    public ModelConfig Config { get; }

    public IReadOnlyList<string> InputNames { get; }

    public IReadOnlyList<string> OutputNames { get; }

    /// <summary>Some Optimum exports take positions, some derive them; we feed them only when asked.</summary>
    public bool HasPositionIds { get; }

    public void RequireInputs(params string[] names)
    {
        foreach (var name in names)
        {
            if (!Session.InputMetadata.ContainsKey(name))
            {
                throw new NluException(Name, NluStage.Load, $"model has no input '{name}' (inputs: {string.Join(", ", InputNames)})");
            }
        }
    }

    public void RequireOutputs(params string[] names)
    {
        foreach (var name in names)
        {
            if (!Session.OutputMetadata.ContainsKey(name))
            {
                throw new NluException(Name, NluStage.Load, $"model has no output '{name}' (outputs: {string.Join(", ", OutputNames)})");
            }
        }
    }

    public void Dispose() => Session.Dispose();
}
