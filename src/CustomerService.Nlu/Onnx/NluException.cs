using CustomerService.Core.Ports;

namespace CustomerService.Nlu.Onnx;

/// <summary>
/// The single exception type of the NLU library: every ONNX Runtime, model-file or scheduling failure
/// surfaces as this, with the model and the stage that failed. It derives from
/// <see cref="GenerationFailedException"/> so the router's generator-failure handling catches it too.
/// </summary>
public sealed class NluException : GenerationFailedException
{
    public NluException()
        : this("unknown", NluStage.Load, "NLU failure.")
    {
    }

    public NluException(string message)
        : this("unknown", NluStage.Load, message)
    {
    }

    public NluException(string message, Exception innerException)
        : this("unknown", NluStage.Load, message, innerException)
    {
    }

    public NluException(string modelName, NluStage stage, string message)
        : base($"{modelName} ({stage}): {message}")
    {
        ModelName = modelName;
        Stage = stage;
    }

    public NluException(string modelName, NluStage stage, string message, Exception? innerException)
        : base($"{modelName} ({stage}): {message}", innerException!)
    {
        ModelName = modelName;
        Stage = stage;
    }

    /// <summary>Folder name of the model involved (e.g. <c>intent</c>, <c>responder</c>).</summary>
    public string ModelName { get; }

    /// <summary>The stage that failed.</summary>
    public NluStage Stage { get; }
}
