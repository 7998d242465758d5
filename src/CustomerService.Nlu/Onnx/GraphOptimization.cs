namespace CustomerService.Nlu.Onnx;

/// <summary>ONNX Runtime graph optimisation level, named without ORT's prefixes so it binds from configuration.</summary>
public enum GraphOptimization
{
    Disabled,
    Basic,
    Extended,
    All,
}
