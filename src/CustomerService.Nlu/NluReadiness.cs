using CustomerService.Nlu.Onnx;

namespace CustomerService.Nlu;

/// <summary>
/// Whether the NLU models are loaded and warmed up. False until <c>ModelWarmupService</c> has run
/// one inference on each model; a health check reads it.
/// </summary>
public sealed class NluReadiness
{
    private volatile State _state = new(false, null, null);

    /// <summary>True once both models are loaded and answered a dummy request.</summary>
    public bool IsReady => _state.IsReady;

    /// <summary>The device actually used (Cuda or Cpu); null before the models load.</summary>
    public NluDevice? Device => _state.Device;

    /// <summary>Why warm-up failed, if it did; null otherwise.</summary>
    public string? FailureReason => _state.FailureReason;

    internal void MarkReady(NluDevice? device) => _state = new State(true, device, null);

    internal void MarkFailed(NluDevice? device, string reason) => _state = new State(false, device, reason);

    private sealed record State(bool IsReady, NluDevice? Device, string? FailureReason);
}
