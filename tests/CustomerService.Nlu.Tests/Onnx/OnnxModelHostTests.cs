using CustomerService.Nlu.Onnx;
using CustomerService.Nlu.Tests.Support;

namespace CustomerService.Nlu.Tests.Onnx;

public sealed class OnnxModelHostTests
{
    [Fact]
    public void Load_DeviceCpu_RunsOnCpuWithoutFallbackLog()
    {
        var logger = new RecordingLogger<OnnxModelHost>();
        using var host = new OnnxModelHost(new NluOptions { Device = NluDevice.Cpu, IntraOpThreads = 1 }, TestModels.TinyIntentPath, TestModels.TinyResponderPath, logger);

        _ = host.Classifier;
        _ = host.Responder;

        Assert.Equal(NluDevice.Cpu, host.Device);
        Assert.DoesNotContain(logger.Entries, e => e.EventId.Id == 2002);
    }

    [Fact]
    public void Load_DeviceAuto_UsesCudaOrLogsOneFallbackLine()
    {
        var logger = new RecordingLogger<OnnxModelHost>();
        using var host = new OnnxModelHost(new NluOptions { Device = NluDevice.Auto, IntraOpThreads = 1 }, TestModels.TinyIntentPath, TestModels.TinyResponderPath, logger);

        _ = host.Classifier;
        _ = host.Responder;

        var fallbacks = logger.Entries.Where(e => e.EventId.Id == 2002).ToList();
        if (host.Device == NluDevice.Cuda)
        {
            Assert.Empty(fallbacks);
        }
        else
        {
            Assert.Equal(NluDevice.Cpu, host.Device);
            var line = Assert.Single(fallbacks);
            Assert.Contains("CUDA 13", line.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Load_DeviceCudaWithoutCuda_FailsHard()
    {
        var logger = new RecordingLogger<OnnxModelHost>();
        using var auto = new OnnxModelHost(new NluOptions { Device = NluDevice.Auto, IntraOpThreads = 1 }, TestModels.TinyIntentPath, TestModels.TinyResponderPath, logger);
        _ = auto.Classifier;
        using var cuda = new OnnxModelHost(new NluOptions { Device = NluDevice.Cuda, IntraOpThreads = 1 }, TestModels.TinyIntentPath, TestModels.TinyResponderPath, logger);

        if (auto.Device == NluDevice.Cuda)
        {
            Assert.NotNull(cuda.Classifier);
            return;
        }

        var error = Assert.Throws<NluException>(() => cuda.Classifier);
        Assert.Equal(NluStage.Load, error.Stage);
        Assert.Contains("CUDA", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFolder_NluExceptionNamesThePath()
    {
        var missing = Path.Combine(TestModels.Root, "no-such-model");
        using var host = new OnnxModelHost(new NluOptions { Device = NluDevice.Cpu }, missing, missing, new RecordingLogger<OnnxModelHost>());

        var error = Assert.Throws<NluException>(() => host.Classifier);

        Assert.Equal(OnnxModelHost.ClassifierName, error.ModelName);
        Assert.Equal(NluStage.Load, error.Stage);
        Assert.Contains("no-such-model", error.Message, StringComparison.Ordinal);
    }
}
