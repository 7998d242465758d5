using System.ComponentModel.DataAnnotations;

namespace CustomerService.Nlu.Onnx;

/// <summary>Runtime settings shared by both models (section <c>Nlu</c>).</summary>
public sealed class NluOptions
{
    public const string SectionName = "Nlu";

    /// <summary>Auto, Cuda or Cpu. Default Auto.</summary>
    public NluDevice Device { get; set; } = NluDevice.Auto;

    /// <summary>Threads ORT uses inside one operator; 0 lets ORT pick (one per physical core). Default 2.</summary>
    [Range(0, 256)]
    public int IntraOpThreads { get; set; } = 2;

    /// <summary>Threads ORT uses across independent operators; 0 lets ORT pick. Default 1.</summary>
    [Range(0, 256)]
    public int InterOpThreads { get; set; } = 1;

    /// <summary>Graph optimisation level applied when a session loads. Default All.</summary>
    public GraphOptimization GraphOptimizationLevel { get; set; } = GraphOptimization.All;
}
