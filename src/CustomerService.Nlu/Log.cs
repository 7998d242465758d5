using Microsoft.Extensions.Logging;

namespace CustomerService.Nlu;

/// <summary>NLU log messages; event ids 2000–2999. Customer text is never logged here.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Loaded model {ModelName} from {ModelPath} on {Device} in {ElapsedMs:F0} ms")]
    public static partial void ModelLoaded(ILogger logger, string modelName, string modelPath, Onnx.NluDevice? device, double elapsedMs);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Nlu:Device is Auto and the CUDA execution provider is unavailable (it needs CUDA 13 and cuDNN 9), running on CPU: {Reason}")]
    public static partial void CudaFallback(ILogger logger, string reason);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "NLU ready on {Device}: warm-up took {ElapsedMs:F0} ms")]
    public static partial void WarmupSucceeded(ILogger logger, Onnx.NluDevice? device, double elapsedMs);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Error, Message = "NLU warm-up failed; readiness stays false")]
    public static partial void WarmupFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Error, Message = "Classification of a batch of {BatchSize} failed")]
    public static partial void ClassificationFailed(ILogger logger, Exception exception, int batchSize);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Error, Message = "Decode step for a batch of {BatchSize} sequences failed")]
    public static partial void BatchStepFailed(ILogger logger, Exception exception, int batchSize);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Warning, Message = "A {ModelName} request waited {WaitedMs:F0} ms in the queue and was failed")]
    public static partial void QueueTimedOut(ILogger logger, string modelName, double waitedMs);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Debug, Message = "Generated {TokenCount} tokens in {ElapsedMs:F0} ms, stopped by {FinishReason}")]
    public static partial void GenerationFinished(ILogger logger, int tokenCount, double elapsedMs, Generation.FinishReason? finishReason);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Debug, Message = "Prompt fitted to the model window: {PromptTokens} prompt tokens, {MaxNewTokens} new tokens at most")]
    public static partial void PromptFitted(ILogger logger, int promptTokens, int maxNewTokens);
}
