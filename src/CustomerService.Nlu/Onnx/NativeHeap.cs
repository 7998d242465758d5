using System.Runtime.InteropServices;

namespace CustomerService.Nlu.Onnx;

/// <summary>
/// Hands the C heap's free pages back to the operating system. Loading a model makes ONNX Runtime parse
/// the file and build its fp32 weights in large temporary buffers; glibc keeps such freed memory in the
/// process (its mmap threshold grows after the first large free), which measured ~25 MiB of resident
/// memory that no one uses after start-up (docs/BENCHMARKS.md).
/// </summary>
internal static partial class NativeHeap
{
    /// <summary>Returns free heap memory to the OS where the C library offers malloc_trim (glibc); elsewhere does nothing.</summary>
    public static void Trim()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            _ = MallocTrim(0);
        }
        catch (EntryPointNotFoundException)
        {
            // musl and other C libraries have no malloc_trim: nothing to give back this way.
        }
        catch (DllNotFoundException)
        {
        }
    }

    [LibraryImport("libc", EntryPoint = "malloc_trim")]
    private static partial int MallocTrim(nuint pad);
}
