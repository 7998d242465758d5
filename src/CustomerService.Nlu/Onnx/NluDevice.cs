namespace CustomerService.Nlu.Onnx;

/// <summary>Where ONNX Runtime runs the models.</summary>
public enum NluDevice
{
    /// <summary>Try the CUDA execution provider; fall back to CPU (logged once) when it is unavailable.</summary>
    Auto,

    /// <summary>CUDA only; start fails if the provider cannot be loaded (needs CUDA 13 + cuDNN 9).</summary>
    Cuda,

    /// <summary>CPU only; CUDA is never tried.</summary>
    Cpu,
}
