namespace CustomerService.Nlu.Onnx;

/// <summary>Where in the NLU pipeline a failure happened; carried by <see cref="NluException"/>.</summary>
public enum NluStage
{
    Load,
    Warmup,
    Classify,
    Prefill,
    Decode,
    Sampling,
    Queue,
}
