using CustomerService.Nlu.Tokenization;
using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace CustomerService.Nlu.Onnx;

/// <summary>
/// Owns the native resources of the NLU library: both InferenceSessions and the tokenizer. Models load
/// once, on first use (the warm-up service triggers that at start); Run is thread-safe, so the
/// sessions are shared by every caller and disposed here only.
/// </summary>
internal sealed class OnnxModelHost : IDisposable
{
    public const string ClassifierName = "intent";
    public const string ResponderName = "responder";

    private readonly NluOptions _options;
    private readonly ILogger _logger;
    private readonly Lazy<Gpt2Tokenizer> _tokenizer = new(() => OrtErrorFunnel.Invoke("tokenizer", NluStage.Load, () => new Gpt2Tokenizer()), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly Lazy<OnnxModel> _classifier;
    private readonly Lazy<OnnxModel> _responder;
    private readonly Lock _deviceLock = new();
    private NluDevice? _resolvedDevice;
    private bool _disposed;

    public OnnxModelHost(NluOptions options, string classifierFolder, string responderFolder, ILogger<OnnxModelHost> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _logger = logger;
        ClassifierFolder = classifierFolder;
        ResponderFolder = responderFolder;
        _classifier = new(() => Load(ClassifierName, classifierFolder), LazyThreadSafetyMode.ExecutionAndPublication);
        _responder = new(() => Load(ResponderName, responderFolder), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string ClassifierFolder { get; }

    public string ResponderFolder { get; }

    public Gpt2Tokenizer Tokenizer => _tokenizer.Value;

    public OnnxModel Classifier => _classifier.Value;

    public OnnxModel Responder => _responder.Value;

    /// <summary>The device sessions actually run on (Cuda or Cpu); null before the first load.</summary>
    public NluDevice? Device
    {
        get
        {
            lock (_deviceLock)
            {
                return _resolvedDevice;
            }
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_classifier.IsValueCreated)
        {
            _classifier.Value.Dispose();
        }

        if (_responder.IsValueCreated)
        {
            _responder.Value.Dispose();
        }
    }

    private OnnxModel Load(string name, string folder)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var modelPath = Path.Combine(folder, "onnx", "model.onnx");
        if (!File.Exists(modelPath))
        {
            throw new NluException(name, NluStage.Load, $"model file not found: {modelPath}");
        }

        var config = ModelConfig.Load(name, Path.Combine(folder, "config.json"));
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var session = CreateSession(name, modelPath);
        var model = new OnnxModel(name, folder, session, config);
        var elapsedMs = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        Log.ModelLoaded(_logger, name, modelPath, _resolvedDevice, elapsedMs);
        return model;
    }

    // Device choice happens once, on the first model: Auto tries CUDA and, when that fails, logs one
    // line and stays on CPU for every later model, so the fallback is reported once, not per model.
    private InferenceSession CreateSession(string name, string modelPath)
    {
        lock (_deviceLock)
        {
            var device = _resolvedDevice ?? _options.Device;
            if (device is NluDevice.Cuda or NluDevice.Auto)
            {
                // ORT's native logger would print its own error when the provider library fails to load; the
                // fallback below is the one line that says why, so the native one is muted during the probe.
                var env = OrtEnv.Instance();
                var logLevel = env.EnvLogLevel;
                env.EnvLogLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL;
                try
                {
                    var session = CreateWithProvider(modelPath, useCuda: true);
                    _resolvedDevice = NluDevice.Cuda;
                    return session;
                }
                catch (Exception ex) when (OrtErrorFunnel.IsRuntimeFailure(ex))
                {
                    if (device == NluDevice.Cuda)
                    {
                        throw new NluException(name, NluStage.Load, $"Nlu:Device is Cuda but the CUDA execution provider is unavailable (it needs CUDA 13 and cuDNN 9): {ex.Message}", ex);
                    }

                    Log.CudaFallback(_logger, FirstLine(ex.Message));
                }
                finally
                {
                    env.EnvLogLevel = logLevel;
                }
            }

            var cpu = OrtErrorFunnel.Invoke(name, NluStage.Load, () => CreateWithProvider(modelPath, useCuda: false));
            _resolvedDevice = NluDevice.Cpu;
            return cpu;
        }
    }

    private InferenceSession CreateWithProvider(string modelPath, bool useCuda)
    {
        using var sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = _options.IntraOpThreads,
            InterOpNumThreads = _options.InterOpThreads,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = _options.GraphOptimizationLevel switch
            {
                GraphOptimization.Disabled => GraphOptimizationLevel.ORT_DISABLE_ALL,
                GraphOptimization.Basic => GraphOptimizationLevel.ORT_ENABLE_BASIC,
                GraphOptimization.Extended => GraphOptimizationLevel.ORT_ENABLE_EXTENDED,
                _ => GraphOptimizationLevel.ORT_ENABLE_ALL,
            },
        };
        if (useCuda)
        {
            sessionOptions.AppendExecutionProvider_CUDA(0);
        }

        return new InferenceSession(modelPath, sessionOptions);
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
