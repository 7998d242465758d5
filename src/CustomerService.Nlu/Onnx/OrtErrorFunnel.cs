using Microsoft.ML.OnnxRuntime;

namespace CustomerService.Nlu.Onnx;

/// <summary>
/// The one place where native ONNX Runtime failures become <see cref="NluException"/>
/// (onnxruntime-genai's single error funnel), so callers handle a single type with model and stage.
/// </summary>
internal static class OrtErrorFunnel
{
    public static T Invoke<T>(string modelName, NluStage stage, Func<T> call)
    {
        try
        {
            return call();
        }
        catch (Exception ex) when (IsRuntimeFailure(ex))
        {
            throw new NluException(modelName, stage, ex.Message, ex);
        }
    }

    public static void Invoke(string modelName, NluStage stage, Action call)
    {
        try
        {
            call();
        }
        catch (Exception ex) when (IsRuntimeFailure(ex))
        {
            throw new NluException(modelName, stage, ex.Message, ex);
        }
    }

    // ORT reports its own errors as OnnxRuntimeException; a missing native library surfaces as
    // DllNotFoundException / TypeInitializationException from the managed wrapper's static init;
    // bad shapes and names are rejected by the wrapper with ArgumentException or InvalidOperationException.
    internal static bool IsRuntimeFailure(Exception ex) => ex is OnnxRuntimeException
        or DllNotFoundException
        or EntryPointNotFoundException
        or TypeInitializationException
        or BadImageFormatException
        or ArgumentException
        or InvalidOperationException
        or IOException
        or UnauthorizedAccessException
        or System.Text.Json.JsonException;
}
